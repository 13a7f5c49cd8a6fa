package dev.ft.admin.boundary;

import dev.ft.files.control.FileCatalog;
import dev.ft.files.control.HumanBytes;
import dev.ft.files.entity.StoredFile;
import dev.ft.files.entity.Visibility;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One user's files: download, change visibility, delete. */
@WebServlet("/admin/files/*")
public class AdminFilesServlet extends HttpServlet {

  @Inject FileCatalog catalog;

  /**
   * A row of the files table; downloads go through the admin API, which honours the session for
   * GET.
   */
  public record FileRow(
      String name,
      String size,
      String sha256,
      String shortSha256,
      String visibility,
      String createdAt,
      String downloadPath) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String user = Pages.required(request, "user");
    request.setAttribute("user", user);
    request.setAttribute("files", catalog.ownedBy(user).stream().map(f -> row(user, f)).toList());
    Pages.render(request, response, "files");
  }

  private static FileRow row(String user, StoredFile file) {
    return new FileRow(
        file.name(),
        HumanBytes.format(file.size()),
        file.sha256(),
        file.sha256().substring(0, 12),
        file.visibility().wireName(),
        Pages.when(file.createdAt()),
        "/api/v1/admin/users/" + segment(user) + "/files/" + segment(file.name()));
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String actor = request.getUserPrincipal().getName();
    String user = String.valueOf(request.getParameter("user"));
    String notice =
        Pages.attempt(
            () -> {
              String name = Pages.required(request, "name");
              return switch (String.valueOf(request.getPathInfo())) {
                case "/visibility" -> {
                  Visibility visibility =
                      Visibility.fromWireName(Pages.required(request, "visibility"));
                  catalog.changeVisibility(actor, user, name, visibility);
                  yield "'" + name + "' is now " + visibility.wireName() + ".";
                }
                case "/delete" -> {
                  catalog.delete(actor, user, name);
                  yield "'" + name + "' was deleted.";
                }
                default -> "Unknown action.";
              };
            });
    Pages.redirect(request, response, "/admin/files?user=" + Pages.param(user), notice);
  }
}
