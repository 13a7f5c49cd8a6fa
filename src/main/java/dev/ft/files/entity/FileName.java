package dev.ft.files.entity;

import dev.ft.platform.DomainException;
import java.nio.charset.StandardCharsets;

/**
 * The rules for file names: 1–255 UTF-8 bytes, no {@code /}, {@code \}, NUL or other control
 * characters, no invisible format characters (Unicode category Cf: bidi overrides and isolates,
 * zero-width characters), not only dots ({@code .}, {@code ..}, {@code ...}). Names never become
 * paths on disk (storage uses generated keys), so these rules are about what clients can safely
 * show and save: "invoice", U+202E, "gpj.exe" would show as {@code invoiceexe.jpg}.
 */
public final class FileName {
  public static final int MAX_BYTES = 255;

  private FileName() {}

  public static String require(String name) {
    if (name == null || name.isEmpty()) {
      throw DomainException.invalid("a file name is required");
    }
    if (name.chars().allMatch(c -> c == '.')) {
      // "." and ".." by the API's rule; longer runs of dots too, because the runtime refuses them
      // in a URL path, so such a file could never be downloaded.
      throw DomainException.invalid("a file name cannot be only dots");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        throw DomainException.invalid("a file name cannot contain '/' or '\\'");
      }
      if (Character.isISOControl(c)) {
        throw DomainException.invalid("a file name cannot contain control characters");
      }
      if (Character.isSurrogate(c) && !isPairedSurrogate(name, i)) {
        throw DomainException.invalid("a file name must be valid Unicode");
      }
    }
    name.codePoints()
        .filter(c -> Character.getType(c) == Character.FORMAT)
        .findFirst()
        .ifPresent(
            c -> {
              throw DomainException.invalid(
                  String.format(
                      "a file name cannot contain invisible format characters such as U+%04X", c));
            });
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw DomainException.invalid("a file name can be at most " + MAX_BYTES + " bytes in UTF-8");
    }
    return name;
  }

  /**
   * The {@code n}th name for a file stored beside others of the same name: {@code report (2).pdf},
   * the number before the extension; the stem is shortened if the name would grow too long.
   */
  public static String numbered(String name, int n) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    String suffix = " (" + n + ")" + extension;
    while (!stem.isEmpty() && bytes(stem + suffix) > MAX_BYTES) {
      stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
    }
    return stem + suffix;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean isPairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
