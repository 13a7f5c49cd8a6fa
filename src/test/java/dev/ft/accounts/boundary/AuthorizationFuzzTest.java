package dev.ft.accounts.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ft.fuzz.FuzzBudget;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/** {@code Authorization}: never throws; a Basic user name never holds the colon that ends it. */
class AuthorizationFuzzTest {

  @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
  @Timeout(
      FuzzBudget.TIMEOUT_SECONDS) // per input when fuzzing, per seed otherwise: a hang is a finding
  void anyHeaderIsACredentialOrNone(byte[] input) {
    String header = new String(input, StandardCharsets.ISO_8859_1);
    AuthorizationHeader.parse(header)
        .ifPresent(
            credential -> {
              if (credential instanceof AuthorizationHeader.Basic basic) {
                assertFalse(basic.username().contains(":"), header);
              }
            });
  }
}
