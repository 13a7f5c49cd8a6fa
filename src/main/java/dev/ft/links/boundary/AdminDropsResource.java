package dev.ft.links.boundary;

import dev.ft.links.control.Drops;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Every live drop, for admins, who may revoke any of them. */
@Path("admin/drops")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminDropsResource {

  @Inject Drops drops;
  @Context SecurityContext security;

  @GET
  public List<DropView> all() {
    return DropView.of(drops.all());
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id) {
    drops.revoke(security.getUserPrincipal().getName(), null, id);
    return Response.noContent().build();
  }
}
