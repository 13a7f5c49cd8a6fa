package dev.ft.files.http;

import dev.ft.platform.DomainException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 9530 digest fields: reads the sha-256 member of {@code Content-Digest}, writes {@code
 * Repr-Digest}.
 */
public final class ContentDigest {
  private ContentDigest() {}

  /**
   * The SHA-256 the client announced, as lowercase hex; empty when the header is absent or names
   * only algorithms we do not check. A malformed header is a client error.
   */
  public static Optional<String> sha256Of(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    if (header.length() > 1000) {
      throw malformed();
    }
    for (String member : header.split(",")) {
      int eq = member.indexOf('=');
      if (eq < 0) {
        throw malformed();
      }
      String algorithm = member.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = member.substring(eq + 1).strip();
      if (value.length() < 2 || value.charAt(0) != ':' || value.charAt(value.length() - 1) != ':') {
        throw malformed();
      }
      byte[] digest;
      try {
        digest = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
      } catch (IllegalArgumentException e) {
        throw malformed();
      }
      if (algorithm.equals("sha-256")) {
        if (digest.length != 32) {
          throw malformed();
        }
        return Optional.of(HexFormat.of().formatHex(digest));
      }
    }
    return Optional.empty();
  }

  public static String headerFor(String sha256Hex) {
    return "sha-256=:"
        + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex))
        + ":";
  }

  private static DomainException malformed() {
    return DomainException.invalid("Content-Digest must look like sha-256=:<base64 of 32 bytes>:");
  }
}
