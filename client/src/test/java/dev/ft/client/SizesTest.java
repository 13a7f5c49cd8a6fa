package dev.ft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void sizesReadAsPeopleWriteThem() {
    assertEquals(1500, Sizes.parse("1500"));
    assertEquals(2L << 30, Sizes.parse("2GiB"));
    assertEquals(2L << 30, Sizes.parse("2G"));
    assertEquals(2L << 30, Sizes.parse("2 gib"));
    assertEquals(500_000_000L, Sizes.parse("500MB"));
    assertEquals(3L << 10, Sizes.parse("3K"));
  }

  @Test
  void anythingElseIsAUsageError() {
    for (String bad : new String[] {"", "GiB", "2 parsecs", "-5", "1.5G", "99999999999T"}) {
      Failure failure = assertThrows(Failure.class, () -> Sizes.parse(bad), bad);
      assertEquals(Failure.USAGE, failure.exitCode(), bad);
    }
  }
}
