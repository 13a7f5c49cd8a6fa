package dev.ft.admin.boundary;

import dev.ft.accounts.boundary.BrowserSessions;
import dev.ft.platform.DomainException;
import dev.ft.platform.PublicUrl;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Rendering for the admin page: JSPs under WEB-INF, redirects after POST, one-time notices. */
final class Pages {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Pages() {}

  static void render(HttpServletRequest request, HttpServletResponse response, String page)
      throws ServletException, IOException {
    sessions().takeNotice(request).ifPresent(notice -> request.setAttribute("notice", notice));
    response.setContentType("text/html;charset=UTF-8");
    request.getRequestDispatcher("/WEB-INF/jsp/" + page + ".jsp").forward(request, response);
  }

  /**
   * After a POST: back to a page, with a notice shown once there. Only a signed-in caller has a
   * session to carry the notice; nobody else is given one for it.
   */
  static void redirect(
      HttpServletRequest request, HttpServletResponse response, String path, String notice)
      throws IOException {
    if (notice != null) {
      sessions().leaveNotice(request, notice);
    }
    response.sendRedirect(CDI.current().select(PublicUrl.class).get().of(request, path));
  }

  private static BrowserSessions sessions() {
    return CDI.current().select(BrowserSessions.class).get();
  }

  static void problem(
      HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException, ServletException {
    response.setStatus(status);
    request.setAttribute("message", message);
    render(request, response, "problem");
  }

  /** Runs an action; a domain failure becomes the notice instead of an error page. */
  static String attempt(Action action) {
    try {
      return action.run();
    } catch (DomainException e) {
      return e.getMessage();
    }
  }

  interface Action {
    String run();
  }

  static String param(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  static String required(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isEmpty()) {
      throw DomainException.invalid("the form is missing '" + name + "'");
    }
    return value;
  }
}
