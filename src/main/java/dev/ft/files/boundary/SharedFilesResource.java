package dev.ft.files.boundary;

import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.entity.Visibility;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Every user's shared and public files, for any logged-in user. */
@Path("shared")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class SharedFilesResource {

  @Inject FileCatalog catalog;
  @Inject Downloads downloads;
  @Context SecurityContext security;

  @GET
  public List<FileView> list() {
    return FileView.of(catalog.withVisibility(List.of(Visibility.SHARED, Visibility.PUBLIC)));
  }

  @Path("{owner}")
  public VisibleFiles filesOf(@PathParam("owner") String owner) {
    String me = Roles.require(security, Roles.USER, Roles.ADMIN);
    return new VisibleFiles(me, owner, FileCatalog.Access.SHARED, downloads);
  }
}
