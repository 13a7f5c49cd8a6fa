package dev.ft.admin.boundary;

import dev.ft.links.control.ShareLinks;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every live share link (owner, file, expiry, uses), each with a button that revokes it. */
@WebServlet("/admin/links")
public class AdminLinksServlet extends HttpServlet {

  @Inject ShareLinks links;

  /** A row of the links table. */
  public record LinkRow(
      String id,
      String owner,
      String file,
      String createdBy,
      String expires,
      String uses,
      boolean hasPassword,
      String allowFrom,
      String note) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.setAttribute(
        "links",
        links.all().stream()
            .map(
                l ->
                    new LinkRow(
                        l.id(),
                        l.file().owner().username(),
                        l.file().name(),
                        l.createdBy(),
                        Pages.when(l.expiresAt()),
                        l.downloads() + (l.maxDownloads() == null ? "" : " of " + l.maxDownloads()),
                        l.hasPassword(),
                        String.join(", ", l.allowFrom()),
                        l.note()))
            .toList());
    Pages.render(request, response, "links");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String actor = request.getUserPrincipal().getName();
    String notice =
        Pages.attempt(
            () -> {
              String id = Pages.required(request, "id");
              links.revoke(actor, null, id);
              return "Link " + id + " was revoked.";
            });
    Pages.redirect(request, response, "/admin/links", notice);
  }
}
