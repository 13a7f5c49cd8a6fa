package dev.ft.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. Only the fields a client needs: no stack trace, class name or SQL
 * ever goes in here.
 */
public record Problem(String type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(int status, String title, String detail) {
    this("about:blank", title, status, detail);
  }

  public Response.ResponseBuilder toResponseBuilder() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
  }

  public Response toResponse() {
    return toResponseBuilder().build();
  }

  /** The same document as JSON text, for places outside JAX-RS (the authentication mechanism). */
  public String toJson() {
    return JsonFactories.BUILDERS
        .createObjectBuilder()
        .add("type", type)
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .build()
        .toString();
  }
}
