package dev.ft.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a stranger uses a share link or a drop. There an {@code Authorization} header carries the
 * link's password, never an account's, so authentication leaves it to the link.
 */
public final class RecipientPaths {
  /** The pages: {@code /s/{key}} and {@code /s/{key}/download}. */
  public static final String LINK_PAGES = "/s/";

  /** A drop's page and uploads: {@code /d/{key}}. */
  public static final String DROP_PAGES = "/d/";

  /** The download resource the link pages hand over to, inside the REST API. */
  public static final String LINK_API = "/api/v1/s/";

  /** Resumable uploads through a drop: {@code /api/v1/d/{key}/uploads}. */
  public static final String DROP_API = "/api/v1/d/";

  private RecipientPaths() {}

  public static boolean matches(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(LINK_PAGES)
        || path.startsWith(DROP_PAGES)
        || path.startsWith(LINK_API)
        || path.startsWith(DROP_API);
  }
}
