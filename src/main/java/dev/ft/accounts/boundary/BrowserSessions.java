package dev.ft.accounts.boundary;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.entity.Account;
import dev.ft.platform.DomainException;
import dev.ft.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A caller remembered in the HTTP session after signing in with the admin page's form. The account
 * is read again on every request, so a demotion or removal ends the session's rights at once, and
 * so does a password change: the session keeps a fingerprint of the password hash it was opened
 * with, as every token of the user dies with the old password. The session is honoured for the
 * admin page, and for safe (GET, HEAD) requests elsewhere, so the page can link to downloads; never
 * for a state change outside the page, whose forms carry a CSRF token.
 */
@ApplicationScoped
public class BrowserSessions {
  static final String PAGE_PREFIX = "/admin";
  private static final String SESSION_COOKIE = "FT_SESSION";
  private static final String CALLER = "ft.caller";
  private static final String PASSWORD_FINGERPRINT = "ft.password";

  @Inject Accounts accounts;

  @Inject
  @ConfigProperty(name = "ft.admin.max-sessions")
  int maxSessions;

  private final AtomicInteger open = new AtomicInteger();

  /**
   * Opens a new session for the account; whatever session the browser had is ended, so nothing from
   * before sign-in (an id, a form token) carries over. Sessions are only ever created here, and at
   * most {@code ft.admin.max-sessions} live at once on this server.
   */
  public void signIn(HttpServletRequest request, HttpServletResponse response, Account account) {
    signOut(request);
    if (open.get() >= maxSessions) {
      throw new DomainException(
          DomainException.Kind.UNAVAILABLE,
          "Too many sessions",
          "Too many people are signed in to the admin page on this server; try again when someone"
              + " signs out.");
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(CALLER, account.username());
    session.setAttribute(PASSWORD_FINGERPRINT, fingerprint(account));
    strictSameSite(response);
  }

  /**
   * Marks the new session cookie {@code SameSite=Strict}. The runtime applies neither the attribute
   * from web.xml nor from the session cookie configuration, and its listener-wide setting wrote the
   * attribute twice; so the header it just added is amended once, here.
   */
  private static void strictSameSite(HttpServletResponse response) {
    List<String> cookies =
        response.getHeaders("Set-Cookie").stream()
            .map(
                c ->
                    c.startsWith(SESSION_COOKIE + "=") && !c.contains("SameSite")
                        ? c + "; SameSite=Strict"
                        : c)
            .toList();
    for (int i = 0; i < cookies.size(); i++) {
      if (i == 0) {
        response.setHeader("Set-Cookie", cookies.get(i));
      } else {
        response.addHeader("Set-Cookie", cookies.get(i));
      }
    }
  }

  /** How many sessions this server holds now, and how many it allows. */
  public int openSessions() {
    return open.get();
  }

  public int maxSessions() {
    return maxSessions;
  }

  void opened() {
    open.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  public void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** The signed-in account, if this request may be authenticated by its session. */
  Optional<Account> caller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(CALLER) instanceof String username)) {
      return Optional.empty();
    }
    if (!isPage(request) && !isSafe(request)) {
      return Optional.empty();
    }
    Optional<Account> account =
        accounts
            .find(username)
            .filter(found -> fingerprint(found).equals(session.getAttribute(PASSWORD_FINGERPRINT)));
    if (account.isEmpty()) {
      session.invalidate();
    }
    return account;
  }

  /** Not the hash itself: a session may be written out by the runtime, a BCrypt hash never is. */
  private static String fingerprint(Account account) {
    return Sha256.hex(account.passwordHash());
  }

  static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(PAGE_PREFIX) || path.startsWith(PAGE_PREFIX + "/");
  }

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}
