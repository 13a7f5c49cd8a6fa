package dev.ft.files.boundary;

import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.control.Uploads;
import dev.ft.files.entity.Visibility;
import dev.ft.files.http.ContentDigest;
import dev.ft.files.http.MultipartReader;
import dev.ft.files.http.RequestConditions;
import dev.ft.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/**
 * The HTTP shape of operations on one owner's files, shared by "my files" and the admin's view of
 * any user's files, so both answer exactly alike.
 */
@ApplicationScoped
public class FileEndpoints {

  @Inject FileCatalog catalog;
  @Inject Uploads uploads;
  @Inject Downloads downloads;

  public List<FileView> list(String owner) {
    return FileView.of(catalog.ownedBy(owner));
  }

  public Response put(
      String actor, String owner, String name, HttpHeaders headers, InputStream body, UriInfo uri) {
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

  public Response postForm(
      String actor, String owner, HttpHeaders headers, String overwrite, InputStream body) {
    List<FileCatalog.Committed> stored =
        uploads.postForm(
            actor,
            owner,
            MultipartReader.of(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body),
            flag("overwrite", overwrite));
    List<FileView> views = stored.stream().map(c -> FileView.of(c.file())).toList();
    // as a PUT: 201 when the form created a file, 200 when it only replaced existing ones
    boolean createdAny = stored.stream().anyMatch(FileCatalog.Committed::created);
    return Response.status(createdAny ? Response.Status.CREATED : Response.Status.OK)
        .entity(views)
        .build();
  }

  public Response download(
      String actor,
      String owner,
      String name,
      FileCatalog.Access access,
      HttpServletRequest request) {
    var conditions = RequestConditions.of(request);
    return DownloadResponses.of(downloads.open(actor, owner, name, access, conditions), access);
  }

  public Response delete(String actor, String owner, String name) {
    catalog.delete(actor, owner, name);
    return Response.noContent().build();
  }

  public FileView changeVisibility(
      String actor, String owner, String name, VisibilityChange change) {
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

  static boolean flag(String name, String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true") || value.isEmpty()) {
      return true;
    }
    throw DomainException.invalid(name + " must be true or false");
  }
}
