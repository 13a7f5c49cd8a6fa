package dev.ft.accounts.boundary;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.control.SessionTable;
import dev.ft.accounts.control.SignedIn;
import dev.ft.accounts.entity.Account;
import dev.ft.platform.Cookies;
import dev.ft.platform.Csrf;
import dev.ft.platform.DomainException;
import dev.ft.platform.Grid;
import dev.ft.platform.RandomText;
import dev.ft.platform.Sha256;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A caller remembered after signing in with the admin page's form. The browser holds a random
 * session id in a cookie; the server keeps only its hash, in a {@link SessionTable} that every node
 * of a cluster shares, so the balancer may send the next request anywhere. The account is read
 * again on every request, so a demotion or removal ends the session's rights at once, and so does a
 * password change: the session keeps a fingerprint of the password hash it was opened with, as
 * every token of the user dies with the old password. The session is honoured for the pages signed
 * in to ({@link SignInPages}), and for safe (GET, HEAD) requests elsewhere, so the page can link to
 * downloads; never for a state change outside the page, whose forms carry a CSRF token derived from
 * the session id.
 */
@ApplicationScoped
public class BrowserSessions {
  private static final String COOKIE = "FT_SESSION";
  private static final String RECOGNISED = "ft.session";

  /** A session found for this request: its key, and its record as read then. */
  private record Recognised(String key, SignedIn session) {}

  @Inject Accounts accounts;
  @Inject SignInPages pages;
  @Inject Grid grid;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ft.admin.max-sessions")
  int maxSessions;

  @Inject
  @ConfigProperty(name = "ft.admin.session-idle")
  Duration idle;

  private SessionTable table;

  @PostConstruct
  void open() {
    table = SessionTable.of(grid, idle, clock);
  }

  /**
   * Opens a new session for the account; whatever session the browser had is ended, so nothing from
   * before sign-in (an id, a form token) carries over. Sessions are only ever created here, and at
   * most {@code ft.admin.max-sessions} live at once.
   */
  public void signIn(HttpServletRequest request, HttpServletResponse response, Account account) {
    idOf(request).map(BrowserSessions::keyOf).ifPresent(table::remove);
    if (table.size() >= maxSessions) {
      throw new DomainException(
          DomainException.Kind.UNAVAILABLE,
          "Too many sessions",
          "Too many people are signed in to the admin page; try again when someone signs out.");
    }
    String id = RandomText.secret(32);
    table.put(keyOf(id), new SignedIn(account.username(), fingerprint(account), null));
    response.addCookie(Cookies.strict(COOKIE, id, -1));
  }

  public void signOut(HttpServletRequest request, HttpServletResponse response) {
    Optional<String> id = idOf(request);
    if (id.isPresent()) {
      table.remove(keyOf(id.get()));
      response.addCookie(Cookies.strict(COOKIE, "", 0));
    }
  }

  /** How many sessions are open now (on every node together), and how many are allowed. */
  public int openSessions() {
    return table.size();
  }

  public int maxSessions() {
    return maxSessions;
  }

  /** Keeps a notice for the next page this signed-in browser is shown; strangers get none. */
  public void leaveNotice(HttpServletRequest request, String notice) {
    if (request.getAttribute(RECOGNISED) instanceof Recognised found) {
      table.put(found.key(), found.session().withNotice(notice));
    }
  }

  /** The notice left for this browser, once. */
  public Optional<String> takeNotice(HttpServletRequest request) {
    if (!(request.getAttribute(RECOGNISED) instanceof Recognised found)
        || found.session().notice() == null) {
      return Optional.empty();
    }
    table.put(found.key(), found.session().withNotice(null));
    return Optional.of(found.session().notice());
  }

  /**
   * The signed-in account, if this request may be authenticated by its session. A recognised
   * request carries its session (so its notice needs no second look-up) and form token as
   * attributes for the page to use.
   */
  Optional<Account> caller(HttpServletRequest request) {
    if (!isPage(request) && !isSafe(request)) {
      return Optional.empty();
    }
    Optional<String> id = idOf(request);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String key = keyOf(id.get());
    Optional<SignedIn> session = table.find(key);
    Optional<Account> account =
        session.flatMap(
            s ->
                accounts
                    .find(s.username())
                    .filter(found -> fingerprint(found).equals(s.passwordFingerprint())));
    if (account.isEmpty()) {
      session.ifPresent(ended -> table.remove(key));
      return Optional.empty();
    }
    request.setAttribute(RECOGNISED, new Recognised(key, session.get()));
    request.setAttribute(Csrf.SESSION_TOKEN, Sha256.hex("form " + id.get()));
    return account;
  }

  /** The server keeps the id's hash only: whoever reads the table cannot present it. */
  private static String keyOf(String id) {
    return Sha256.hex(id);
  }

  private static Optional<String> idOf(HttpServletRequest request) {
    return Cookies.valueOf(request, COOKIE);
  }

  /** Not the hash itself: the table may be shared by the grid, a BCrypt hash never is. */
  private static String fingerprint(Account account) {
    return Sha256.hex(account.passwordHash());
  }

  boolean isPage(HttpServletRequest request) {
    return pages.covers(request.getRequestURI().substring(request.getContextPath().length()));
  }

  String signInPath() {
    return pages.signInPath();
  }

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}
