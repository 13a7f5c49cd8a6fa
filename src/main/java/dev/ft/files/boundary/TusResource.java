package dev.ft.files.boundary;

import dev.ft.files.control.ContentTypes;
import dev.ft.files.control.ResumableUploads;
import dev.ft.files.control.StorageLimits;
import dev.ft.files.entity.ResumableUpload;
import dev.ft.files.entity.Visibility;
import dev.ft.platform.DomainException;
import dev.ft.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resumable uploads with the tus 1.0.0 protocol (core, creation, creation-with-upload, termination,
 * expiration, checksum with sha256): {@code POST} makes an upload for a target name and length,
 * {@code PATCH} sends bytes at the offset {@code HEAD} tells. The last byte stores the file as a
 * PUT would. {@code GET} lists the caller's unfinished uploads.
 */
@Path("uploads")
@RolesAllowed({Roles.USER, Roles.ADMIN})
public class TusResource {

  @Inject ResumableUploads uploads;
  @Inject StorageLimits limits;
  @Context SecurityContext security;
  @Context HttpHeaders headers;
  @Context UriInfo uri;

  /** Discovery: what this server speaks. Open to anyone, as tus clients ask before logging in. */
  @OPTIONS
  @PermitAll
  public Response options() {
    return Response.noContent()
        .header("Tus-Version", TusHeaders.VERSION)
        .header("Tus-Extension", TusHeaders.EXTENSIONS)
        .header("Tus-Max-Size", limits.maxFileSize())
        .header("Tus-Checksum-Algorithm", "sha256")
        .build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    if (headers.getHeaderString("Upload-Defer-Length") != null) {
      throw DomainException.invalid("Upload-Defer-Length is not supported: send Upload-Length");
    }
    long length = TusHeaders.bytes("Upload-Length", headers.getHeaderString("Upload-Length"));
    Map<String, String> metadata = TusHeaders.metadata(headers.getHeaderString("Upload-Metadata"));
    String name = metadata.get("filename");
    if (name == null) {
      throw DomainException.invalid("Upload-Metadata must carry the file's name as 'filename'");
    }
    var target =
        new ResumableUpload.Target(
            name,
            ContentTypes.decide(metadata.get("filetype"), name),
            Visibility.fromWireName(metadata.getOrDefault("visibility", "private")),
            FileEndpoints.flag("overwrite", metadata.get("overwrite")),
            length);
    ResumableUpload upload = uploads.create(me(), me(), target);
    Response.ResponseBuilder created =
        Response.created(uri.getAbsolutePathBuilder().path(upload.id()).build())
            .header("Upload-Expires", TusHeaders.date(upload.expiresAt()));
    if (isOffsetStream(headers.getMediaType())) { // creation-with-upload
      var progress = uploads.append(me(), upload.id(), 0, checksum(), body);
      created.header("Upload-Offset", progress.offset());
    } else {
      created.header("Upload-Offset", 0);
    }
    return created.build();
  }

  @HEAD
  @Path("{id}")
  public Response offset(@PathParam("id") String id) {
    ResumableUpload upload = uploads.require(me(), id);
    return Response.ok()
        .header("Upload-Offset", upload.offset())
        .header("Upload-Length", upload.length())
        .header("Upload-Expires", TusHeaders.date(upload.expiresAt()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  public Response append(@PathParam("id") String id, InputStream body) {
    if (!isOffsetStream(headers.getMediaType())) {
      throw new DomainException(
          DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported media type",
          "a PATCH must be sent as Content-Type: " + TusHeaders.OFFSET_STREAM);
    }
    long offset = TusHeaders.bytes("Upload-Offset", headers.getHeaderString("Upload-Offset"));
    var progress = uploads.append(me(), id, offset, checksum(), body);
    return Response.noContent()
        .header("Upload-Offset", progress.offset())
        .header("Upload-Expires", TusHeaders.date(progress.upload().expiresAt()))
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response cancel(@PathParam("id") String id) {
    uploads.cancel(me(), id);
    return Response.noContent().build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<UploadView> unfinished() {
    return UploadView.of(uploads.openOf(me()));
  }

  private Optional<String> checksum() {
    return TusHeaders.sha256Of(headers.getHeaderString("Upload-Checksum"));
  }

  private static boolean isOffsetStream(MediaType type) {
    return type != null
        && type.getType().equals("application")
        && type.getSubtype().equals("offset+octet-stream");
  }

  private String me() {
    return security.getUserPrincipal().getName();
  }
}
