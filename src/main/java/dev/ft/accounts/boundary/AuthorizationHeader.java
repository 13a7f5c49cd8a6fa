package dev.ft.accounts.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The two {@code Authorization} schemes the API takes; anything else carries no credential. */
public sealed interface AuthorizationHeader {

  record Bearer(String token) implements AuthorizationHeader {}

  record Basic(String username, String password) implements AuthorizationHeader {}

  /** Empty for an unknown scheme or a Basic value that is not base64 of {@code user:password}. */
  public static Optional<AuthorizationHeader> parse(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    String credentials = space < 0 ? "" : value.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return Optional.of(new Bearer(credentials));
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      return decodeBasic(credentials);
    }
    return Optional.empty();
  }

  /**
   * The password of an HTTP Basic header, whatever its username; empty for none or another scheme.
   */
  public static Optional<String> basicPassword(String header) {
    return header == null
        ? Optional.empty()
        : parse(header).filter(Basic.class::isInstance).map(basic -> ((Basic) basic).password());
  }

  private static Optional<AuthorizationHeader> decodeBasic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
