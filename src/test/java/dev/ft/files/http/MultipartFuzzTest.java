package dev.ft.files.http;

import static dev.ft.fuzz.Refusals.acceptedOrRefused;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ft.fuzz.FuzzBudget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * The streaming multipart reader. An input is a Content-Type header line, then the body. Every body
 * is read to its end or refused with a 400; no part hands out more bytes than came in.
 */
class MultipartFuzzTest {

  @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
  @Timeout(
      FuzzBudget.TIMEOUT_SECONDS) // per input when fuzzing, per seed otherwise: a hang is a finding
  void aBodyIsReadOrRefused(byte[] input) throws IOException {
    int newline = indexOfNewline(input);
    String contentType = new String(input, 0, newline, StandardCharsets.ISO_8859_1);
    byte[] body =
        newline < input.length ? Arrays.copyOfRange(input, newline + 1, input.length) : new byte[0];
    acceptedOrRefused(
        () -> {
          String boundary = MultipartReader.boundaryOf(contentType);
          assertTrue(!boundary.isEmpty() && boundary.length() <= 70, boundary);
          MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), boundary);
          long partBytes = 0;
          int parts = 0;
          for (Optional<MultipartReader.Part> part = reader.next();
              part.isPresent();
              part = reader.next()) {
            partBytes += drain(part.get().body());
            parts++;
          }
          assertTrue(
              partBytes <= body.length,
              parts + " parts gave " + partBytes + " bytes from a body of " + body.length);
          return parts;
        });
  }

  /** Reads in odd-sized pieces, as a store writing to disk would not, to shake out buffer edges. */
  private static long drain(InputStream in) throws IOException {
    byte[] piece = new byte[7];
    long total = 0;
    for (int n = in.read(piece); n >= 0; n = in.read(piece)) {
      total += n;
    }
    return total;
  }

  private static int indexOfNewline(byte[] input) {
    for (int i = 0; i < input.length; i++) {
      if (input[i] == '\n') {
        return i;
      }
    }
    return input.length;
  }
}
