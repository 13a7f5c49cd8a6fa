package dev.ft.accounts.entity;

import dev.ft.platform.DomainException;
import java.nio.charset.StandardCharsets;

/**
 * Passwords are 8 to 72 UTF-8 bytes: BCrypt reads no further, so longer ones are refused, not cut.
 */
public final class Password {
  public static final int MIN_BYTES = 8;
  public static final int MAX_BYTES = 72;

  private Password() {}

  public static byte[] requireValid(String password) {
    if (password == null) {
      throw DomainException.invalid("password is required");
    }
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
      throw DomainException.invalid(
          "password must be "
              + MIN_BYTES
              + " to "
              + MAX_BYTES
              + " bytes in UTF-8 (it is "
              + bytes.length
              + ")");
    }
    return bytes;
  }
}
