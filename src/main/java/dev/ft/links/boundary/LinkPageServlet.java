package dev.ft.links.boundary;

import dev.ft.accounts.control.TooManyAttempts;
import dev.ft.links.control.ShareLinks;
import dev.ft.links.entity.ShareLink;
import dev.ft.platform.Csrf;
import dev.ft.platform.DomainException;
import dev.ft.platform.RecipientPaths;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The page a share link leads to, {@code /s/{key}}: the file's name, size and expiry and a download
 * button; for a link with a password, a form first. No script, no session: the form's CSRF token is
 * a double-submit cookie. Whatever cannot be used (unknown, expired, revoked, used up, another
 * address) is one and the same 404 page. {@code /s/{key}/download} hands over to {@link
 * LinkDownloadResource}, which streams the file like any download.
 */
@WebServlet(RecipientPaths.LINK_PAGES + "*")
public class LinkPageServlet extends HttpServlet {
  private static final String DOWNLOAD = "/download";

  @Inject ShareLinks links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String rest = StrangerPages.rest(request);
    if (rest.endsWith(DOWNLOAD)) {
      String key = StrangerPages.key(rest.substring(0, rest.length() - DOWNLOAD.length()));
      if (key == null) {
        StrangerPages.gone(request, response);
      } else {
        handOver(request, response, key);
      }
      return;
    }
    Optional<ShareLink> link = links.peek(StrangerPages.key(rest), request.getRemoteAddr());
    if (link.isEmpty()) {
      StrangerPages.gone(request, response);
      return;
    }
    page(request, response, link.get(), null);
  }

  /** The password form: checked here, so a wrong password shows the form again. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String rest = StrangerPages.rest(request);
    if (!rest.endsWith(DOWNLOAD)) {
      StrangerPages.gone(request, response);
      return;
    }
    String key = StrangerPages.key(rest.substring(0, rest.length() - DOWNLOAD.length()));
    Optional<ShareLink> shown = links.peek(key, request.getRemoteAddr());
    if (shown.isEmpty()) {
      StrangerPages.gone(request, response);
      return;
    }
    if (!Csrf.isValid(request)) {
      response.setStatus(403);
      page(request, response, shown.get(), "This form has expired. Enter the password again.");
      return;
    }
    String password = Optional.ofNullable(request.getParameter("password")).orElse("");
    try {
      request.setAttribute(
          LinkDownloadResource.UNLOCKED, links.unlock(key, password, request.getRemoteAddr()));
    } catch (TooManyAttempts e) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      page(request, response, shown.get(), e.getMessage() + ". Try again later.");
      return;
    } catch (DomainException e) { // a wrong or missing password: the link itself is live
      response.setStatus(401);
      page(request, response, shown.get(), "That password is not right.");
      return;
    }
    handOver(request, response, key);
  }

  private static void handOver(HttpServletRequest request, HttpServletResponse response, String key)
      throws ServletException, IOException {
    request.getRequestDispatcher(RecipientPaths.LINK_API + key).forward(request, response);
  }

  private static void page(
      HttpServletRequest request, HttpServletResponse response, ShareLink link, String error)
      throws ServletException, IOException {
    request.setAttribute("link", LinkPage.of(link, request.getRequestURI()));
    request.setAttribute("error", error);
    if (link.hasPassword()) {
      request.setAttribute(Csrf.FIELD, Csrf.tokenFor(request, response));
    }
    StrangerPages.render(request, response, "link");
  }
}
