package dev.ft.links.boundary;

import dev.ft.accounts.control.Accounts;
import dev.ft.links.control.Drops;
import dev.ft.platform.DomainException;
import dev.ft.platform.PublicUrl;
import dev.ft.platform.RecipientPaths;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;

/** The caller's drops: upload-only links into their area. Make one, list them, revoke one. */
@Path("drops")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DropsResource {

  @Inject Drops drops;
  @Inject Accounts accounts;
  @Inject PublicUrl publicUrl;
  @Inject Clock clock;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewDrop body) {
    if (body == null) {
      throw DomainException.invalid(
          "the body must be JSON {\"expiresIn\": \"3d\" or \"expiresAt\": ISO-8601,"
              + " \"password\"?, \"maxFiles\"?, \"maxBytes\"?, \"allowFrom\"?: [CIDR…],"
              + " \"note\"?}");
    }
    String owner = Creators.owner(security, body.owner());
    Drops.Created created =
        drops.create(me(), owner, body.terms(clock), body.maxFiles(), body.maxBytes());
    String url = Creators.pageUrl(publicUrl, uri, RecipientPaths.DROP_PAGES, created.key());
    return Response.created(uri.getAbsolutePathBuilder().path(created.drop().id()).build())
        .entity(DropView.of(created.drop(), url))
        .build();
  }

  @GET
  public List<DropView> mine() {
    return DropView.of(drops.ofOwner(accounts.require(me())));
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id) {
    drops.revoke(me(), me(), id);
    return Response.noContent().build();
  }

  private String me() {
    return security.getUserPrincipal().getName();
  }
}
