package dev.ft.platform;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses a body on {@code GET}, {@code HEAD} and {@code DELETE}, whose content has no meaning in
 * HTTP (RFC 9110, 9.3) and none in this API: a client that sends one expects it to count, and
 * nothing here would read it. The listener lets such bodies through (payara/preboot.asadmin, {@code
 * allow-payload-for-undefined-http-methods}) so that the answer is this problem document, where the
 * container would have sent an empty 400.
 */
@Provider
@PreMatching
public class BodilessMethodCheck implements ContainerRequestFilter {
  private static final Set<String> BODILESS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE);

  @Override
  public void filter(ContainerRequestContext request) {
    if (BODILESS.contains(request.getMethod()) && hasBody(request)) {
      throw DomainException.invalid(
          "A " + request.getMethod() + " request takes no body; nothing was done.");
    }
  }

  private static boolean hasBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }
}
