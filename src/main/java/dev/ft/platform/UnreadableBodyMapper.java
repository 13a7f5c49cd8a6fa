package dev.ft.platform;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON body that cannot be read into what the resource expects is the client's mistake: 400 (or
 * the domain failure met while reading, such as a body too large). Any other processing failure is
 * the server's.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException domain) {
        return new DomainExceptionMapper().toResponse(domain);
      }
      if (t instanceof JsonbException || t instanceof JsonException) {
        return new Problem(400, "Invalid request", "The body is not JSON of the expected shape.")
            .toResponse();
      }
    }
    return new UnexpectedExceptionMapper().toResponse(e);
  }
}
