package dev.ft.platform;

import java.security.SecureRandom;
import java.util.Base64;

/** Random text from a strong source, in the URL-safe Base64 alphabet, without padding. */
public final class RandomText {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomText() {}

  /** A secret of the given number of random bytes: tokens, keys, form tokens. */
  public static String secret(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /**
   * Random text that people type or paste as a command's argument (ids, a generated password). It
   * never begins with {@code -}, which command-line parsers (ours included) take for an option: one
   * in 64 plain draws would.
   */
  public static String typeable(int bytes) {
    String text = secret(bytes);
    while (text.charAt(0) == '-') {
      text = secret(bytes);
    }
    return text;
  }
}
