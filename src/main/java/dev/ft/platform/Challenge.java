package dev.ft.platform;

/** The authentication schemes the API accepts, as announced in {@code WWW-Authenticate}. */
public final class Challenge {
  public static final String HEADER_VALUE =
      "Bearer realm=\"ft\", Basic realm=\"ft\", charset=\"UTF-8\"";

  public static final String MISSING_CREDENTIALS =
      "Log in with POST /api/v1/auth/login and send the token as 'Authorization: Bearer <token>',"
          + " or use HTTP Basic.";

  private Challenge() {}
}
