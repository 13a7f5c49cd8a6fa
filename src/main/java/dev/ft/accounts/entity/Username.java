package dev.ft.accounts.entity;

import dev.ft.platform.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for usernames: 3–32 of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit. */
public final class Username {
  public static final int MAX_LENGTH = 32;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2," + (MAX_LENGTH - 1) + "}");

  private Username() {}

  public static String require(String username) {
    if (username == null || !VALID.matcher(username).matches()) {
      throw DomainException.invalid(
          "username must be 3-32 characters of A-Z a-z 0-9 . _ - and start with a letter or digit");
    }
    return username;
  }

  /** The form that decides uniqueness: usernames are case-insensitive. */
  public static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
