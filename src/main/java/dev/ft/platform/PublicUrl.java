package dev.ft.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address clients use ({@code ft.public-url}, e.g. {@code https://files.example.org}), for
 * absolute URLs the server writes: {@code Location} headers and redirects. Unset, they are built
 * from the request's own Host header, as the runtime does by default.
 */
@ApplicationScoped
public class PublicUrl {

  @Inject
  @ConfigProperty(name = "ft.public-url")
  Optional<String> configured;

  private Optional<URI> base;

  @PostConstruct
  void init() {
    base = configured.filter(s -> !s.isBlank()).map(PublicUrl::parse);
  }

  private static URI parse(String value) {
    URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw new IllegalStateException(
          "ft.public-url must be an absolute http(s) URL without query, not " + value);
    }
    return uri;
  }

  /** The configured address, if any; it never ends with a slash. */
  public Optional<URI> base() {
    return base;
  }

  /** An absolute URL for a path of this application (starting with '/'). */
  public String of(HttpServletRequest request, String path) {
    return base.map(uri -> uri + path).orElseGet(() -> request.getContextPath() + path);
  }
}
