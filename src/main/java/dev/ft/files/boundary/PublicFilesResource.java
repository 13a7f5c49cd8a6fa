package dev.ft.files.boundary;

import dev.ft.audit.control.AuditLog;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.entity.Visibility;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Public files, for anyone, logged in or not. */
@Path("public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicFilesResource {
  @Inject FileCatalog catalog;
  @Inject FileEndpoints files;
  @Context SecurityContext security;

  @GET
  public List<FileView> list() {
    return FileView.of(catalog.withVisibility(List.of(Visibility.PUBLIC)));
  }

  @GET
  @Path("{owner}/{name}")
  @Produces(MediaType.WILDCARD)
  public Response download(
      @PathParam("owner") String owner,
      @PathParam("name") String name,
      @Context HttpServletRequest request) {
    String actor =
        security.getUserPrincipal() == null
            ? AuditLog.ANONYMOUS
            : security.getUserPrincipal().getName();
    return files.download(actor, owner, name, FileCatalog.Access.PUBLIC, request);
  }
}
