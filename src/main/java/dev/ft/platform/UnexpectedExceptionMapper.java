package dev.ft.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything nobody planned for: logged in full with an incident id, answered with only that id, so
 * no internals reach the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (Failures.isDatabaseDown(e)) {
      LOG.log(Level.WARNING, "Database unavailable: {0}", e.toString());
      return Failures.DATABASE_DOWN
          .toResponseBuilder()
          .header("Retry-After", Failures.DATABASE_DOWN_RETRY_AFTER_SECONDS)
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
    return new Problem(
            500,
            "Internal server error",
            "Something went wrong on the server (incident " + incident + ").")
        .toResponse();
  }
}
