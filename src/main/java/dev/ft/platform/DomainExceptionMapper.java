package dev.ft.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place that decides which HTTP status each kind of domain failure becomes. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    Problem problem = new Problem(statusOf(e.kind()), e.title(), e.getMessage());
    Response.ResponseBuilder response = problem.toResponseBuilder();
    if (e instanceof ProblemHeaders extra) {
      extra.problemHeaders().forEach(response::header);
    }
    if (e.kind() == DomainException.Kind.NOT_AUTHENTICATED
        && !(e instanceof ProblemHeaders extra
            && extra.problemHeaders().containsKey("WWW-Authenticate"))) {
      response.header("WWW-Authenticate", Challenge.HEADER_VALUE);
    }
    return response.build();
  }

  public static int statusOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID_INPUT -> 400;
      case NOT_AUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case RANGE_NOT_SATISFIABLE -> 416;
      case GONE -> 410;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case CHECKSUM_MISMATCH -> 460;
      case TOO_MANY_ATTEMPTS -> 429;
      case UNAVAILABLE -> 503;
      case INSUFFICIENT_STORAGE -> 507;
    };
  }
}
