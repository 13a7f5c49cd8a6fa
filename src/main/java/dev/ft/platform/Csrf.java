package dev.ft.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A token carried by every form of the admin page and the share-link pages, checked on POST. Signed
 * in, it is derived from the session id and put on the request when the session is recognised
 * ({@link #SESSION_TOKEN}), so no token from before sign-in survives it. Before sign-in a
 * stranger's request may leave nothing behind on the server, so the sign-in form's token is a
 * double-submit cookie instead: the form repeats the cookie's random value, which a page on another
 * site can neither read nor set ({@code __Host-}: this host only, HTTPS only).
 */
public final class Csrf {
  public static final String FIELD = "csrf";
  public static final String COOKIE = "__Host-ft-csrf";

  /** The request attribute holding the signed-in session's token. */
  public static final String SESSION_TOKEN = "ft.csrf.session";

  private Csrf() {}

  public static String tokenFor(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(SESSION_TOKEN) instanceof String token) {
      return token;
    }
    return Cookies.valueOf(request, COOKIE)
        .orElseGet(
            () -> {
              String token = newToken();
              response.addCookie(Cookies.strict(COOKIE, token, -1));
              return token;
            });
  }

  public static boolean isValid(HttpServletRequest request) {
    Optional<String> expected =
        request.getAttribute(SESSION_TOKEN) instanceof String token
            ? Optional.of(token)
            : Cookies.valueOf(request, COOKIE);
    String sent = request.getParameter(FIELD);
    return expected.isPresent()
        && sent != null
        && MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static String newToken() {
    return RandomText.secret(32);
  }
}
