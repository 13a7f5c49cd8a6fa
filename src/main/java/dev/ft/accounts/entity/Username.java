package dev.ft.accounts.entity;

import dev.ft.platform.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for usernames: 3–32 of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit. */
public final class Username {
  public static final int MAX_LENGTH = 32;
  private static final String RESERVED = "anonymous";
  private static final Pattern VALID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2," + (MAX_LENGTH - 1) + "}");

  private Username() {}

  public static String require(String username) {
    if (!isValid(username)) {
      throw DomainException.invalid(
          "username must be 3-32 characters of A-Z a-z 0-9 . _ - and start with a letter or digit");
    }
    if (key(username).equals(RESERVED)) {
      throw DomainException.invalid(
          "the username '"
              + RESERVED
              + "' is reserved: the audit trail names callers"
              + " who did not log in so");
    }
    return username;
  }

  /**
   * Whether the name could belong to an account. Every look-up asks this first, so no database
   * collation can match {@code "alice "} to {@code alice}, and a throttle never counts one account
   * under two keys.
   */
  public static boolean isValid(String username) {
    return username != null && VALID.matcher(username).matches();
  }

  /** The form that decides uniqueness: usernames are case-insensitive. */
  public static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
