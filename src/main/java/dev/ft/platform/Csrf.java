package dev.ft.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * A random token carried by every form of the admin page and the share-link pages, checked on POST.
 * Signed in, it lives in the session, which sign-in creates, so no token from before sign-in
 * survives it. Before sign-in a stranger's request may leave nothing behind on the server, so the
 * sign-in form's token is a double-submit cookie instead: the form repeats the cookie's value,
 * which a page on another site can neither read nor set ({@code __Host-}: this host only, HTTPS
 * only).
 */
public final class Csrf {
  public static final String FIELD = "csrf";
  public static final String COOKIE = "__Host-ft-csrf";
  private static final String ATTRIBUTE = "ft.csrf";

  private Csrf() {}

  public static String tokenFor(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      if (session.getAttribute(ATTRIBUTE) instanceof String token) {
        return token;
      }
      String token = newToken();
      session.setAttribute(ATTRIBUTE, token);
      return token;
    }
    return cookieOf(request)
        .orElseGet(
            () -> {
              String token = newToken();
              Cookie cookie = new Cookie(COOKIE, token);
              cookie.setPath("/");
              cookie.setSecure(true);
              cookie.setHttpOnly(true);
              cookie.setAttribute("SameSite", "Strict");
              response.addCookie(cookie);
              return token;
            });
  }

  public static boolean isValid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Optional<String> expected =
        session != null
            ? Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(String.class::cast)
            : cookieOf(request);
    String sent = request.getParameter(FIELD);
    return expected.isPresent()
        && sent != null
        && MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> cookieOf(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(c -> COOKIE.equals(c.getName()) && !c.getValue().isEmpty())
            .map(Cookie::getValue)
            .findFirst();
  }

  private static String newToken() {
    return RandomText.secret(32);
  }
}
