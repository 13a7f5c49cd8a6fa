package dev.ft.links.boundary;

import dev.ft.platform.PageHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** What the link and drop pages share: reading the key from the path, and rendering. */
final class StrangerPages {
  private StrangerPages() {}

  /** What follows the page prefix, e.g. {@code KEY} or {@code KEY/download}. */
  static String rest(HttpServletRequest request) {
    String info = request.getPathInfo();
    return info == null ? "" : info.substring(1);
  }

  /** A key is URL-safe base64; anything else is no key at all (null). */
  static String key(String text) {
    return !text.isEmpty()
            && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')
        ? text
        : null;
  }

  static void render(HttpServletRequest request, HttpServletResponse response, String jsp)
      throws ServletException, IOException {
    render(request, response, jsp, PageHeaders.CSP);
  }

  static void render(
      HttpServletRequest request, HttpServletResponse response, String jsp, String csp)
      throws ServletException, IOException {
    PageHeaders.addTo(response, csp);
    response.setContentType("text/html;charset=UTF-8");
    request.getRequestDispatcher("/WEB-INF/jsp/" + jsp + ".jsp").forward(request, response);
  }

  /** The one page for every link or drop that cannot be used. */
  static void gone(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setStatus(404);
    render(request, response, "link-gone");
  }
}
