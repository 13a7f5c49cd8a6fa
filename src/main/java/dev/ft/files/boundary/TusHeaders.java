package dev.ft.files.boundary;

import dev.ft.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The tus 1.0.0 headers, read and written: the protocol's wire format, kept out of the control. */
final class TusHeaders {
  static final String VERSION = "1.0.0";
  static final String RESUMABLE = "Tus-Resumable";
  static final String OFFSET_STREAM = "application/offset+octet-stream";
  static final String EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private TusHeaders() {}

  /** {@code Upload-Length} or {@code Upload-Offset}: a whole number of bytes. */
  static long bytes(String name, String value) {
    if (value == null) {
      throw DomainException.invalid(name + " is required");
    }
    String v = value.strip();
    if (v.isEmpty() || v.length() > 19 || !v.chars().allMatch(Character::isDigit)) {
      throw DomainException.invalid(name + " must be a whole number of bytes, not '" + value + "'");
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name + " is too large");
    }
  }

  /**
   * {@code Upload-Metadata}: comma-separated {@code key base64value} pairs (the value may be
   * missing).
   */
  static Map<String, String> metadata(String header) {
    Map<String, String> values = new HashMap<>();
    if (header == null || header.isBlank()) {
      return values;
    }
    for (String pair : header.split(",")) {
      String[] parts = pair.strip().split(" ", -1);
      if (parts.length > 2 || parts[0].isEmpty() || values.containsKey(parts[0])) {
        throw DomainException.invalid(
            "Upload-Metadata must be comma-separated 'key base64value' pairs, each key once");
      }
      try {
        values.put(
            parts[0],
            parts.length == 2
                ? new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                : "");
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid(
            "the Upload-Metadata value of '" + parts[0] + "' is not base64");
      }
    }
    return values;
  }

  /** {@code Upload-Checksum: sha256 <base64>}, as hex; other algorithms are refused. */
  static Optional<String> sha256Of(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.strip().split(" ", -1);
    if (parts.length != 2 || !parts[0].equals("sha256")) {
      throw DomainException.invalid(
          "Upload-Checksum must be 'sha256 <base64 of the piece's SHA-256>'; sha256 is the one"
              + " algorithm this server checks");
    }
    try {
      byte[] digest = Base64.getDecoder().decode(parts[1]);
      if (digest.length != 32) {
        throw new IllegalArgumentException();
      }
      return Optional.of(HexFormat.of().formatHex(digest));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("Upload-Checksum's sha256 is not 32 bytes of base64");
    }
  }

  static String date(Instant instant) {
    return HTTP_DATE.format(instant);
  }
}
