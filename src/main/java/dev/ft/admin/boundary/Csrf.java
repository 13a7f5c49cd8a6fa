package dev.ft.admin.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** One random token per session, carried by every form of the admin page and checked on POST. */
final class Csrf {
  static final String FIELD = "csrf";
  private static final String ATTRIBUTE = "ft.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  static String tokenFor(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    if (session.getAttribute(ATTRIBUTE) instanceof String token) {
      return token;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(ATTRIBUTE, token);
    return token;
  }

  static boolean isValid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String sent = request.getParameter(FIELD);
    if (session == null || sent == null || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
