package dev.ft.platform;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of every server-rendered page (the admin page, the share-link pages): a strict
 * Content-Security-Policy (no script at all, no framing) and no caching.
 */
public final class PageHeaders {
  public static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private PageHeaders() {}

  public static void addTo(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cache-Control", "no-store");
  }
}
