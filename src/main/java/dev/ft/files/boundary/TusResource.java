package dev.ft.files.boundary;

import dev.ft.files.control.FileCatalog;
import dev.ft.files.control.ResumableUploads;
import dev.ft.files.control.StorageLimits;
import dev.ft.files.entity.Collisions;
import dev.ft.files.entity.ResumableUpload;
import dev.ft.files.entity.Visibility;
import dev.ft.files.http.Flag;
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

  private static final FileCatalog.CommitCheck NOTHING_MORE = committed -> {};

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
    TusExchange tus = new TusExchange(headers);
    long length = tus.length();
    Map<String, String> metadata = tus.metadata();
    String name = TusExchange.fileName(metadata);
    var target =
        new ResumableUpload.Target(
            name,
            TusExchange.contentType(metadata, name),
            Visibility.fromWireName(metadata.getOrDefault("visibility", "private")),
            Flag.parse("overwrite", metadata.get("overwrite"))
                ? Collisions.REPLACE
                : Collisions.REFUSE,
            length);
    ResumableUpload upload = uploads.create(me(), me(), target);
    long offset =
        tus.carriesBytes() // creation-with-upload
            ? uploads.append(sender(), upload.id(), 0, tus.checksum(), body, NOTHING_MORE).offset()
            : 0;
    return TusExchange.created(
        uri.getAbsolutePathBuilder().path(upload.id()).build(), upload, offset);
  }

  @HEAD
  @Path("{id}")
  public Response offset(@PathParam("id") String id) {
    return TusExchange.offsetOf(uploads.require(sender(), id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  public Response append(@PathParam("id") String id, InputStream body) {
    TusExchange tus = new TusExchange(headers);
    tus.requireBytes();
    return TusExchange.appended(
        uploads.append(sender(), id, tus.offset(), tus.checksum(), body, NOTHING_MORE));
  }

  /** Cancels one of the caller's uploads, also one a stranger is sending through their drop. */
  @DELETE
  @Path("{id}")
  public Response cancel(@PathParam("id") String id) {
    uploads.cancel(ResumableUploads.Sender.owner(me()), id);
    return Response.noContent().build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<UploadView> unfinished() {
    return UploadView.of(uploads.openOf(me()));
  }

  /** The caller, sending the uploads they made (not those coming through their drops). */
  private ResumableUploads.Sender sender() {
    return ResumableUploads.Sender.account(me());
  }

  private String me() {
    return security.getUserPrincipal().getName();
  }
}
