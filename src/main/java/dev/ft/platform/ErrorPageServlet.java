package dev.ft.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for what the runtime refuses before the application sees it (a malformed URI, a
 * path it will not map): a problem document like every other error, not an HTML page.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // An error page starts from a reset response: the headers every answer carries go on again.
    SecurityHeadersFilter.addTo(response);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    String title =
        switch (status) {
          case 400 -> "Bad request";
          case 403 -> "Forbidden";
          case 404 -> "Not found";
          case 405 -> "Method not allowed";
          default -> status >= 500 ? "Internal server error" : "HTTP " + status;
        };
    String detail =
        switch (status) {
          case 400 -> "The request line or its headers could not be read.";
          case 403 -> "This path cannot be served.";
          case 404 -> "There is nothing at this path.";
          case 405 -> "This path does not accept that method.";
          default -> status >= 500 ? "Something went wrong on the server." : title + ".";
        };
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (status == 403
        && uri instanceof String path
        && (path.equals("/admin") || path.startsWith("/admin/"))) {
      // Signed in, but not (or no longer) an admin: a page a person can read.
      response.setStatus(status);
      response.setContentType("text/html;charset=UTF-8");
      request.setAttribute(
          "message", "Your account is not an administrator, so it cannot use this page.");
      try {
        request.getRequestDispatcher("/WEB-INF/jsp/problem.jsp").forward(request, response);
      } catch (jakarta.servlet.ServletException e) {
        throw new IOException(e);
      }
      return;
    }
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(new Problem(status, title, detail).toJson());
  }
}
