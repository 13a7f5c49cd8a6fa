package dev.ft.admin.boundary;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.entity.Role;
import dev.ft.files.control.AccountUsage;
import dev.ft.files.control.HumanBytes;
import dev.ft.files.storage.FileStore;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** The admin page's start: totals and every user; role changes and removal (confirmed first). */
@WebServlet({"/admin", "/admin/users/*"})
public class AdminUsersServlet extends HttpServlet {

  @Inject Accounts accounts;
  @Inject AccountUsage usage;
  @Inject FileStore store;

  /** A row of the users table. */
  public record UserRow(
      String username, String role, long fileCount, String bytesUsed, String createdAt) {}

  /** The numbers at the top of the page. */
  public record Totals(int users, long files, String bytesStored, String freeSpace) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if ("/delete".equals(request.getPathInfo())) {
      request.setAttribute("user", accounts.require(Pages.required(request, "user")).username());
      Pages.render(request, response, "confirm-delete");
      return;
    }
    List<AccountUsage.Usage> all = usage.all();
    request.setAttribute(
        "users",
        all.stream()
            .map(
                u ->
                    new UserRow(
                        u.account().username(),
                        u.account().role().wireName(),
                        u.fileCount(),
                        HumanBytes.format(u.bytesUsed()),
                        Pages.when(u.account().createdAt())))
            .toList());
    request.setAttribute(
        "totals",
        new Totals(
            all.size(),
            all.stream().mapToLong(AccountUsage.Usage::fileCount).sum(),
            HumanBytes.format(all.stream().mapToLong(AccountUsage.Usage::bytesUsed).sum()),
            freeSpace()));
    Pages.render(request, response, "users");
  }

  /** Object storage has no free space to tell. */
  private String freeSpace() throws IOException {
    var free = store.freeSpace();
    return free.isPresent()
        ? HumanBytes.format(free.getAsLong())
        : "no bound (" + store.kind() + ")";
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String actor = request.getUserPrincipal().getName();
    String notice =
        Pages.attempt(
            () -> {
              String user = Pages.required(request, "user");
              return switch (String.valueOf(request.getPathInfo())) {
                case "/role" -> {
                  Role role = Role.fromWireName(Pages.required(request, "role"));
                  accounts.changeRole(actor, user, role);
                  yield "'" + user + "' is now " + role.wireName() + ".";
                }
                case "/delete" -> {
                  accounts.remove(actor, user);
                  yield "'" + user + "' and all their files were removed.";
                }
                default -> "Unknown action.";
              };
            });
    Pages.redirect(request, response, "/admin", notice);
  }
}
