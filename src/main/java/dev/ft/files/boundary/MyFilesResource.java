package dev.ft.files.boundary;

import dev.ft.files.control.FileCatalog;
import dev.ft.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/** The caller's own files. */
@Path("files")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class MyFilesResource {

  @Inject FileEndpoints files;
  @Context SecurityContext security;
  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @GET
  public List<FileView> list() {
    return files.list(me());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(@QueryParam("overwrite") String overwrite, InputStream body) {
    return files.postForm(me(), me(), headers, overwrite, body);
  }

  @PUT
  @Path("{name}")
  @Consumes(MediaType.WILDCARD)
  public Response put(@PathParam("name") String name, InputStream body) {
    return files.put(me(), me(), name, headers, body, uri);
  }

  @GET
  @Path("{name}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("name") String name, @Context HttpServletRequest request) {
    return files.download(me(), me(), name, FileCatalog.Access.OWNER, request);
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    return files.delete(me(), me(), name);
  }

  @PUT
  @Path("{name}/visibility")
  @Consumes(MediaType.APPLICATION_JSON)
  public FileView changeVisibility(@PathParam("name") String name, VisibilityChange change) {
    return files.changeVisibility(me(), me(), name, change);
  }

  private String me() {
    return security.getUserPrincipal().getName();
  }
}
