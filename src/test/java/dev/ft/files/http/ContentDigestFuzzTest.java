package dev.ft.files.http;

import static dev.ft.fuzz.Refusals.acceptedOrRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ft.fuzz.FuzzBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/** {@code Content-Digest}: a 64-digit lowercase hex SHA-256, nothing, or a 400. */
class ContentDigestFuzzTest {

  @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
  @Timeout(
      FuzzBudget.TIMEOUT_SECONDS) // per input when fuzzing, per seed otherwise: a hang is a finding
  void aDigestIsSha256HexOrRefused(byte[] input) throws IOException {
    String header = new String(input, StandardCharsets.ISO_8859_1);
    acceptedOrRefused(() -> ContentDigest.sha256Of(header))
        .flatMap(sha256 -> sha256)
        .ifPresent(
            hex -> {
              assertTrue(hex.matches("[0-9a-f]{64}"), hex + " from " + header);
              assertEquals(
                  Optional.of(hex),
                  ContentDigest.sha256Of(ContentDigest.headerFor(hex)),
                  "round trip");
            });
  }
}
