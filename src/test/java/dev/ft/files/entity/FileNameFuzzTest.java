package dev.ft.files.entity;

import static dev.ft.fuzz.Refusals.acceptedOrRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ft.fuzz.FuzzBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/** File names: whatever is accepted is safe to show and to save, and survives UTF-8 unchanged. */
class FileNameFuzzTest {

  @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
  @Timeout(
      FuzzBudget.TIMEOUT_SECONDS) // per input when fuzzing, per seed otherwise: a hang is a finding
  void anAcceptedNameIsSafe(byte[] input) throws IOException {
    String name = new String(input, StandardCharsets.UTF_8);
    acceptedOrRefused(() -> FileName.require(name))
        .ifPresent(
            accepted -> {
              assertEquals(name, accepted);
              byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
              assertTrue(utf8.length >= 1 && utf8.length <= FileName.MAX_BYTES, name);
              assertEquals(name, new String(utf8, StandardCharsets.UTF_8), "valid Unicode");
              assertFalse(
                  name.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c)),
                  name);
              assertFalse(name.chars().allMatch(c -> c == '.'), name);
            });
  }
}
