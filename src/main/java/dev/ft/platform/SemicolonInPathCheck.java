package dev.ft.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a raw {@code ;} in the path. The runtime reads everything after it as matrix parameters
 * and drops it from the path segment, so {@code PUT /files/report;v=2.txt} would store (or replace)
 * {@code report}: a name other than the one asked for. Sent as {@code %3B} it is part of the name,
 * as every other reserved character is.
 */
@Provider
@PreMatching
public class SemicolonInPathCheck implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (path != null && path.indexOf(';') >= 0) {
      throw DomainException.invalid(
          "A ';' in the path must be sent percent-encoded as %3B; nothing was done.");
    }
  }
}
