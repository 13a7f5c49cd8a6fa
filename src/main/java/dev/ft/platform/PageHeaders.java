package dev.ft.platform;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of every server-rendered page (the admin page, the share-link pages): a strict
 * Content-Security-Policy (no script at all, but for the drop page's own; no framing) and no
 * caching.
 */
public final class PageHeaders {
  public static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  /**
   * For a page that runs scripts: only files served from here (no inline script, no eval), which
   * may talk to this server and no other.
   */
  public static final String CSP_WITH_SCRIPTS =
      CSP.replace(
          "default-src 'none';", "default-src 'none'; script-src 'self'; connect-src 'self';");

  private PageHeaders() {}

  public static void addTo(HttpServletResponse response) {
    addTo(response, CSP);
  }

  public static void addTo(HttpServletResponse response, String csp) {
    response.setHeader("Content-Security-Policy", csp);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cache-Control", "no-store");
  }
}
