package dev.ft.admin.boundary;

import dev.ft.audit.control.AuditLog;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The newest audit events, optionally those by or about one user. */
@WebServlet("/admin/audit")
public class AdminAuditServlet extends HttpServlet {
  static final int SHOWN = 200;

  @Inject AuditLog audit;

  /** A row of the audit table. */
  public record EventRow(
      String at, String actor, String action, String owner, String name, String detail) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String user = request.getParameter("user");
    String filter = user == null || user.isBlank() ? null : user.strip();
    request.setAttribute("user", filter);
    request.setAttribute(
        "events",
        audit.newest(SHOWN, filter).stream()
            .map(
                e ->
                    new EventRow(
                        Pages.when(e.at()),
                        e.actor(),
                        e.action().wireName(),
                        e.ownerName(),
                        e.fileName(),
                        e.detail()))
            .toList());
    Pages.render(request, response, "audit");
  }
}
