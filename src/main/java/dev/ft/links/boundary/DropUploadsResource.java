package dev.ft.links.boundary;

import dev.ft.accounts.boundary.AuthorizationHeader;
import dev.ft.files.boundary.TusExchange;
import dev.ft.files.entity.ResumableUpload;
import dev.ft.links.control.Drops;
import dev.ft.links.entity.Drop;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;

/**
 * Resumable (tus 1.0.0) uploads through a drop, for the drop page's script or any tus client:
 * {@code /api/v1/d/{key}/uploads}. The drop's key is the credential, with its password as HTTP
 * Basic or the grant cookie the drop page's password form set. Files land as the drop's form puts
 * them: private, never replacing anything, within the drop's limits; the sender reaches only the
 * uploads it started through this drop.
 */
@Path("d/{key}/uploads")
@PermitAll
public class DropUploadsResource {

  @Inject Drops drops;
  @Context HttpServletRequest request;
  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @PathParam("key")
  String key;

  @CookieParam(DropPageServlet.GRANT_COOKIE)
  String grant;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    Drop drop = admitted();
    TusExchange tus = new TusExchange(headers);
    long length = tus.length();
    Map<String, String> metadata = tus.metadata();
    String name = TusExchange.fileName(metadata);
    ResumableUpload upload =
        drops.startUpload(drop, name, TusExchange.contentType(metadata, name), length);
    long offset =
        tus.carriesBytes()
            ? drops.sendPiece(drop, upload.id(), 0, tus.checksum(), body).offset()
            : 0;
    return TusExchange.created(
        uri.getAbsolutePathBuilder().path(upload.id()).build(), upload, offset);
  }

  @HEAD
  @Path("{id}")
  public Response offset(@PathParam("id") String id) {
    return TusExchange.offsetOf(drops.upload(admitted(), id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  public Response append(@PathParam("id") String id, InputStream body) {
    Drop drop = admitted();
    TusExchange tus = new TusExchange(headers);
    tus.requireBytes();
    return TusExchange.appended(drops.sendPiece(drop, id, tus.offset(), tus.checksum(), body));
  }

  @DELETE
  @Path("{id}")
  public Response cancel(@PathParam("id") String id) {
    drops.cancelUpload(admitted(), id);
    return Response.noContent().build();
  }

  private Drop admitted() {
    String password =
        AuthorizationHeader.basicPassword(headers.getHeaderString(HttpHeaders.AUTHORIZATION))
            .orElse(null);
    return drops.admit(key, request.getRemoteAddr(), grant, password);
  }
}
