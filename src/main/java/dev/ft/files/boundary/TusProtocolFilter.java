package dev.ft.files.boundary;

import dev.ft.platform.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * The tus protocol's own rules on {@code /uploads} and a drop's {@code /d/{key}/uploads}: every
 * request but {@code OPTIONS} names the version it speaks (else 412 with the versions this server
 * speaks), and every answer, refusals included, names ours.
 */
@Provider
public class TusProtocolFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Pattern DROP_UPLOADS = Pattern.compile("d/[^/]+/uploads(/.*)?");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!isTus(request)
        || request.getMethod().equals("OPTIONS")
        || request.getMethod().equals("GET")) {
      return;
    }
    String version = request.getHeaderString(TusHeaders.RESUMABLE);
    if (!TusHeaders.VERSION.equals(version)) {
      request.abortWith(
          new Problem(
                  412,
                  "Unsupported tus version",
                  "Send Tus-Resumable: " + TusHeaders.VERSION + ", the version this server speaks")
              .toResponseBuilder()
              .header("Tus-Version", TusHeaders.VERSION)
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (isTus(request)) {
      response.getHeaders().putSingle(TusHeaders.RESUMABLE, TusHeaders.VERSION);
    }
  }

  private static boolean isTus(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.equals("uploads")
        || path.startsWith("uploads/")
        || DROP_UPLOADS.matcher(path).matches();
  }
}
