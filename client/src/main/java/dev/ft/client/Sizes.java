package dev.ft.client;

import java.util.Locale;

/** Byte counts as people read them. */
public final class Sizes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Sizes() {}

  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /**
   * A size as people write it: {@code 1500}, {@code 2GiB}, {@code 500MB}, {@code 2G} (binary when
   * the unit has an i or is one letter, decimal with B).
   */
  public static long parse(String text) {
    String t = text.strip();
    int digits = 0;
    while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
      digits++;
    }
    String unit = t.substring(digits).strip().toUpperCase(java.util.Locale.ROOT);
    if (digits == 0 || digits > 18) {
      throw new Failure(Failure.USAGE, "'" + text + "' is not a size such as 500MB or 2GiB");
    }
    long number = Long.parseLong(t.substring(0, digits));
    long factor =
        switch (unit) {
          case "", "B" -> 1L;
          case "K", "KIB" -> 1L << 10;
          case "M", "MIB" -> 1L << 20;
          case "G", "GIB" -> 1L << 30;
          case "T", "TIB" -> 1L << 40;
          case "KB" -> 1_000L;
          case "MB" -> 1_000_000L;
          case "GB" -> 1_000_000_000L;
          case "TB" -> 1_000_000_000_000L;
          default ->
              throw new Failure(
                  Failure.USAGE, "'" + text + "' is not a size such as 500MB or 2GiB");
        };
    try {
      return Math.multiplyExact(number, factor);
    } catch (ArithmeticException e) {
      throw new Failure(Failure.USAGE, "'" + text + "' is too large a size");
    }
  }
}
