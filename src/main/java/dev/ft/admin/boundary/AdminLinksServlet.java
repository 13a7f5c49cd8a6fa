package dev.ft.admin.boundary;

import dev.ft.files.control.HumanBytes;
import dev.ft.links.control.Drops;
import dev.ft.links.control.ShareLinks;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every live share link (owner, file, expiry, uses) and drop (owner, expiry, what it took), each
 * with a button that revokes it.
 */
@WebServlet("/admin/links")
public class AdminLinksServlet extends HttpServlet {

  @Inject ShareLinks links;
  @Inject Drops drops;

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

  /** A row of the drops table. */
  public record DropRow(
      String id,
      String owner,
      String createdBy,
      String expires,
      String received,
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
    request.setAttribute(
        "drops",
        drops.all().stream()
            .map(
                d ->
                    new DropRow(
                        d.id(),
                        d.owner().username(),
                        d.createdBy(),
                        Pages.when(d.expiresAt()),
                        d.filesReceived()
                            + (d.maxFiles() == null ? "" : " of " + d.maxFiles())
                            + " files, "
                            + HumanBytes.format(d.bytesReceived())
                            + (d.maxBytes() == null
                                ? ""
                                : " of " + HumanBytes.format(d.maxBytes())),
                        d.hasPassword(),
                        String.join(", ", d.allowFrom()),
                        d.note()))
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
              if ("drop".equals(request.getParameter("kind"))) {
                drops.revoke(actor, null, id);
                return "Drop " + id + " was revoked.";
              }
              links.revoke(actor, null, id);
              return "Link " + id + " was revoked.";
            });
    Pages.redirect(request, response, "/admin/links", notice);
  }
}
