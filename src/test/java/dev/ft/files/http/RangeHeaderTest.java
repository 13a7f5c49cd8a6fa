package dev.ft.files.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ft.files.control.ByteRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeHeaderTest {

  @Test
  void noHeaderMeansTheWholeFile() {
    assertEquals(Optional.empty(), RangeHeader.parse(null, 100));
  }

  @Test
  void readsTheThreeFormsOfASingleRange() {
    assertEquals(new ByteRange(0, 9), RangeHeader.parse("bytes=0-9", 100).orElseThrow());
    assertEquals(new ByteRange(90, 99), RangeHeader.parse("bytes=90-", 100).orElseThrow());
    assertEquals(new ByteRange(95, 99), RangeHeader.parse("bytes=-5", 100).orElseThrow());
    assertEquals(
        new ByteRange(0, 99),
        RangeHeader.parse("bytes=-500", 100).orElseThrow(),
        "a long suffix is the file");
    assertEquals(
        new ByteRange(50, 99),
        RangeHeader.parse("bytes=50-1000", 100).orElseThrow(),
        "cut to the end");
    assertEquals(
        new ByteRange(1, 1),
        RangeHeader.parse("Bytes=1-1", 100).orElseThrow(),
        "the unit is case-insensitive");
  }

  @Test
  void knowsItsLengthAndContentRange() {
    ByteRange range = new ByteRange(10, 19);
    assertEquals(10, range.length());
    assertEquals("bytes 10-19/100", range.contentRange(100));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=100-",
        "bytes=100-200",
        "bytes=5-1",
        "bytes=0-1,3-4",
        "lines=0-1",
        "bytes=",
        "bytes=-",
        "bytes=-0",
        "bytes=a-b",
        "bytes=1-b",
        "bytes=+1-2",
        "bytes=99999999999999999999-",
        "bytes=9223372036854775807-"
      })
  void everythingElseIsUnsatisfiable(String header) {
    RangeHeader.RangeNotSatisfiable e =
        assertThrows(RangeHeader.RangeNotSatisfiable.class, () -> RangeHeader.parse(header, 100));
    assertEquals("bytes */100", e.problemHeaders().get("Content-Range"));
  }

  @Test
  void anEmptyFileHasNoRanges() {
    assertThrows(RangeHeader.RangeNotSatisfiable.class, () -> RangeHeader.parse("bytes=0-", 0));
    assertThrows(RangeHeader.RangeNotSatisfiable.class, () -> RangeHeader.parse("bytes=-1", 0));
  }
}
