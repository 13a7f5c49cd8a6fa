package dev.ft.files.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ft.files.control.ByteRange;
import dev.ft.fuzz.FuzzBudget;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/** {@code Range}: any header either names bytes inside the file or is refused with a 416. */
class RangeFuzzTest {
  private static final long[] SIZES = {0, 1, 4096, 1L << 30, Long.MAX_VALUE};

  @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
  @Timeout(
      FuzzBudget.TIMEOUT_SECONDS) // per input when fuzzing, per seed otherwise: a hang is a finding
  void aRangeIsInsideTheFileOrRefused(byte[] input) {
    String header =
        new String(input, StandardCharsets.ISO_8859_1); // as the servlet container decodes headers
    for (long size : SIZES) {
      try {
        Optional<ByteRange> range = RangeHeader.parse(header, size);
        range.ifPresent(
            r ->
                assertTrue(
                    0 <= r.first() && r.first() <= r.last() && r.last() < size,
                    r + " outside a file of " + size + " bytes, from " + header));
      } catch (RangeHeader.RangeNotSatisfiable refused) {
        // the 416 the API promises
      }
    }
  }
}
