package dev.ft.admin.boundary;

import dev.ft.accounts.boundary.BrowserSessions;
import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.control.Logins;
import dev.ft.accounts.control.TooManyAttempts;
import dev.ft.accounts.entity.Account;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Signing in to the admin page with a form, checked by the same identity stores and throttle as the
 * API; only admins get a session. Signing out ends it.
 */
@WebServlet({"/admin/login", "/admin/logout"})
public class AdminLoginServlet extends HttpServlet {
  private static final String SIGNED_OUT = "signed-out";

  @Inject Logins logins;
  @Inject Accounts accounts;
  @Inject BrowserSessions sessions;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.isUserInRole("admin")) {
      Pages.redirect(request, response, "/admin", null);
      return;
    }
    if (request.getParameter(SIGNED_OUT) != null) {
      request.setAttribute("notice", "You are signed out.");
    }
    Pages.render(request, response, "login");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getServletPath().equals("/admin/logout")) {
      sessions.signOut(request, response);
      Pages.redirect(request, response, "/admin/login?" + SIGNED_OUT, null);
      return;
    }
    String username = String.valueOf(request.getParameter("username"));
    String password = String.valueOf(request.getParameter("password"));
    Optional<Account> account;
    try {
      account =
          logins
              .check(username, password, request.getRemoteAddr())
              .map(caller -> accounts.require(caller.getCallerPrincipal().getName()));
    } catch (TooManyAttempts e) {
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      refuse(request, response, 429, e.getMessage(), username);
      return;
    }
    if (account.isEmpty()) {
      refuse(request, response, 401, "Wrong username or password.", username);
    } else if (!account.get().isAdmin()) {
      Pages.problem(
          request,
          response,
          403,
          "The account '"
              + account.get().username()
              + "' is not an administrator, so it cannot use this page.");
    } else {
      sessions.signIn(request, response, account.get());
      Pages.redirect(request, response, "/admin", null);
    }
  }

  private static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String error,
      String username)
      throws ServletException, IOException {
    response.setStatus(status);
    request.setAttribute("error", error);
    request.setAttribute("username", username);
    Pages.render(request, response, "login");
  }
}
