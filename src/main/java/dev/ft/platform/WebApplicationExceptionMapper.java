package dev.ft.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the runtime's own HTTP failures (unknown path, wrong method, unsupported media type, a role
 * that is missing) into problem documents, keeping the headers the runtime chose.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status == 401) {
      return notAuthenticated(); // a role is needed and the caller sent no credentials
    }
    Response.StatusType statusType = Response.Status.fromStatusCode(status);
    String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
    Response.ResponseBuilder response =
        new Problem(status, title, detailFor(status, title)).toResponseBuilder();
    original
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
              }
            });
    return response.build();
  }

  private static Response notAuthenticated() {
    return new Problem(401, "Authentication required", Challenge.MISSING_CREDENTIALS)
        .toResponseBuilder()
        .header("WWW-Authenticate", Challenge.HEADER_VALUE)
        .build();
  }

  private static String detailFor(int status, String title) {
    return switch (status) {
      case 400 -> "The request could not be read.";
      case 403 -> "Your role does not allow this request.";
      case 404 -> "There is nothing at this path.";
      case 405 -> "This path does not accept that method.";
      case 406 -> "This path cannot answer in the media type you asked for.";
      case 415 -> "This path does not accept that Content-Type.";
      default -> title + ".";
    };
  }
}
