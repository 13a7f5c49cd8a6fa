package dev.ft.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads durations the way operators write them: {@code 90} (seconds), {@code 30s}, {@code 15m},
 * {@code 24h}, {@code 7d}, or ISO-8601 such as {@code PT24H}.
 */
public class DurationConverter implements Converter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("p")) {
        return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), value);
      }
      char unit = text.charAt(text.length() - 1);
      if (Character.isDigit(unit)) {
        return positive(Duration.ofSeconds(Long.parseLong(text)), value);
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return positive(
          switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default ->
                throw new IllegalArgumentException("Unknown unit in duration '" + value + "'");
          },
          value);
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "Not a duration: '" + value + "' (use e.g. 90, 30s, 15m, 24h, 7d or PT24H)", e);
    }
  }

  private static Duration positive(Duration duration, String value) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("Duration must be positive: '" + value + "'");
    }
    return duration;
  }
}
