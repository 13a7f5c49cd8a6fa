package dev.ft.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/** The application's own cookies: read by name, and always made Secure, HttpOnly and strict. */
public final class Cookies {
  private Cookies() {}

  /** The value of the first non-empty cookie {@code name} the request carries. */
  public static Optional<String> valueOf(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(c -> name.equals(c.getName()) && !c.getValue().isEmpty())
            .map(Cookie::getValue)
            .findFirst();
  }

  /**
   * A cookie for the whole site, sent over HTTPS only, out of scripts' reach and never with a
   * request that another site starts; {@code maxAge} -1 ends it with the browser, 0 at once.
   */
  public static Cookie strict(String name, String value, int maxAge) {
    Cookie cookie = new Cookie(name, value);
    cookie.setPath("/");
    cookie.setSecure(true);
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Strict");
    cookie.setMaxAge(maxAge);
    return cookie;
  }
}
