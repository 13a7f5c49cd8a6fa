package dev.ft.files.boundary;

import dev.ft.audit.control.AuditLog;
import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.entity.Visibility;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Public files, for anyone, logged in or not. */
@Path("public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicFilesResource {
  @Inject FileCatalog catalog;
  @Inject Downloads downloads;
  @Context SecurityContext security;

  @GET
  public List<FileView> list() {
    return FileView.of(catalog.withVisibility(List.of(Visibility.PUBLIC)));
  }

  @Path("{owner}")
  public VisibleFiles filesOf(@PathParam("owner") String owner) {
    String actor =
        security.getUserPrincipal() == null
            ? AuditLog.ANONYMOUS
            : security.getUserPrincipal().getName();
    return new VisibleFiles(actor, owner, FileCatalog.Access.PUBLIC, downloads);
  }
}
