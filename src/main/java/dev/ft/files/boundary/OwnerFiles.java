package dev.ft.files.boundary;

import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.control.Uploads;
import dev.ft.files.entity.Visibility;
import dev.ft.files.http.ContentDigest;
import dev.ft.files.http.Flag;
import dev.ft.files.http.MultipartReader;
import dev.ft.platform.DomainException;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/**
 * One owner's files, worked on as their owner may: the caller's own at {@code /files}, any user's
 * at {@code /admin/users/{username}/files} for admins, so both answer exactly alike. The resource
 * that mounts it has already decided that the actor may act for the owner.
 */
@Produces(MediaType.APPLICATION_JSON)
public class OwnerFiles {
  private final String actor;
  private final String owner;
  private final FileCatalog catalog;
  private final Uploads uploads;
  private final Downloads downloads;

  public OwnerFiles(
      String actor, String owner, FileCatalog catalog, Uploads uploads, Downloads downloads) {
    this.actor = actor;
    this.owner = owner;
    this.catalog = catalog;
    this.uploads = uploads;
    this.downloads = downloads;
  }

  @GET
  public List<FileView> list() {
    return FileView.of(catalog.ownedBy(owner));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @QueryParam("overwrite") String overwrite, @Context HttpHeaders headers, InputStream body) {
    List<FileCatalog.Committed> stored =
        uploads.postForm(
            actor,
            owner,
            MultipartReader.of(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body),
            Flag.parse("overwrite", overwrite));
    List<FileView> views = stored.stream().map(c -> FileView.of(c.file())).toList();
    // as a PUT: 201 when the form created a file, 200 when it only replaced existing ones
    boolean createdAny = stored.stream().anyMatch(FileCatalog.Committed::created);
    return Response.status(createdAny ? Response.Status.CREATED : Response.Status.OK)
        .entity(views)
        .build();
  }

  @PUT
  @Path("{name}")
  @Consumes(MediaType.WILDCARD)
  public Response put(
      @PathParam("name") String name,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body) {
    FileCatalog.Committed stored =
        uploads.put(
            actor,
            owner,
            name,
            headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
            declaredLength(headers),
            ContentDigest.sha256Of(headers.getHeaderString("Content-Digest")),
            body);
    FileView view = FileView.of(stored.file());
    return stored.created()
        ? Response.created(uri.getAbsolutePath()).entity(view).build()
        : Response.ok(view).build();
  }

  @GET
  @Path("{name}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("name") String name, @Context HttpServletRequest request) {
    return DownloadResponses.open(downloads, actor, owner, name, FileCatalog.Access.OWNER, request);
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    catalog.delete(actor, owner, name);
    return Response.noContent().build();
  }

  @PUT
  @Path("{name}/visibility")
  @Consumes(MediaType.APPLICATION_JSON)
  public FileView changeVisibility(@PathParam("name") String name, VisibilityChange change) {
    if (change == null || change.visibility() == null) {
      throw DomainException.invalid(
          "the body must be JSON {\"visibility\": \"private|shared|public\"}");
    }
    return FileView.of(
        catalog.changeVisibility(actor, owner, name, Visibility.fromWireName(change.visibility())));
  }

  private static long declaredLength(HttpHeaders headers) {
    String value = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(value.strip());
      if (length < 0) {
        throw new NumberFormatException();
      }
      return length;
    } catch (NumberFormatException e) {
      throw DomainException.invalid("Content-Length must be a whole number of bytes");
    }
  }
}
