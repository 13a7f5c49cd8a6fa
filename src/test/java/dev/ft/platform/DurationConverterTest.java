package dev.ft.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConverterTest {

  @Test
  void readsTheFormsOperatorsWrite() {
    assertEquals(Duration.ofSeconds(90), DurationConverter.parse("90"));
    assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30s"));
    assertEquals(Duration.ofMinutes(15), DurationConverter.parse("15m"));
    assertEquals(Duration.ofHours(24), DurationConverter.parse("24h"));
    assertEquals(Duration.ofDays(7), DurationConverter.parse("7d"));
    assertEquals(Duration.ofHours(24), DurationConverter.parse("PT24H"));
    assertEquals(Duration.ofHours(24), DurationConverter.parse(" pt24h "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "h", "0", "-5", "10x", "PT0S", "soon"})
  void refusesAnythingElseWithAClearMessage(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse(value));
    assertEquals(true, e.getMessage().contains(value.strip()));
  }
}
