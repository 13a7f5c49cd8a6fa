package dev.ft.admin.boundary;

import dev.ft.accounts.boundary.AccountView;
import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.entity.Role;
import dev.ft.files.boundary.OwnerFiles;
import dev.ft.files.control.AccountUsage;
import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.control.Uploads;
import dev.ft.platform.DomainException;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Every user and every user's files, for admins. */
@Path("admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

  @Inject Accounts accounts;
  @Inject AccountUsage usage;
  @Inject FileCatalog catalog;
  @Inject Uploads uploads;
  @Inject Downloads downloads;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  public List<UserSummary> users() {
    return usage.all().stream().map(UserSummary::of).toList();
  }

  /** An account made by an admin: the way in when registration is closed. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewUser body) {
    NewUser user = NewUser.require(body);
    var account = accounts.create(me(), user.username(), user.password(), user.roleOrUser());
    return Response.created(uri.getAbsolutePathBuilder().path(account.username()).build())
        .entity(AccountView.of(account))
        .build();
  }

  @PUT
  @Path("{username}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  public AccountView changeRole(@PathParam("username") String username, RoleChange change) {
    if (change == null || change.role() == null) {
      throw DomainException.invalid("the body must be JSON {\"role\": \"user|admin\"}");
    }
    return AccountView.of(accounts.changeRole(me(), username, Role.fromWireName(change.role())));
  }

  @DELETE
  @Path("{username}")
  public Response remove(@PathParam("username") String username) {
    accounts.remove(me(), username);
    return Response.noContent().build();
  }

  @Path("{username}/files")
  public OwnerFiles filesOf(@PathParam("username") String username) {
    String me = Roles.require(security, Roles.ADMIN);
    return new OwnerFiles(me, username, catalog, uploads, downloads);
  }

  private String me() {
    return security.getUserPrincipal().getName();
  }
}
