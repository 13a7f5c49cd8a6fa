package dev.ft.files.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ft.platform.DomainException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDigestTest {
  // sha-256 of the empty string
  static final String EMPTY_HEX =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String EMPTY_FIELD = "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:";

  @Test
  void readsTheSha256Member() {
    assertEquals(Optional.of(EMPTY_HEX), ContentDigest.sha256Of(EMPTY_FIELD));
    assertEquals(Optional.of(EMPTY_HEX), ContentDigest.sha256Of("sha-512=:AAAA:, " + EMPTY_FIELD));
    assertEquals(
        Optional.of(EMPTY_HEX),
        ContentDigest.sha256Of(EMPTY_FIELD.replace("sha-256", "SHA-256")),
        "algorithm names are case-insensitive");
  }

  @Test
  void ignoresAbsentHeadersAndOtherAlgorithms() {
    assertEquals(Optional.empty(), ContentDigest.sha256Of(null));
    assertEquals(Optional.empty(), ContentDigest.sha256Of(" "));
    assertEquals(Optional.empty(), ContentDigest.sha256Of("sha-512=:AAAA:"));
  }

  @Test
  void writesReprDigestAsItReads() {
    assertEquals(EMPTY_FIELD, ContentDigest.headerFor(EMPTY_HEX));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha-256",
        "sha-256=abc",
        "sha-256=:not base64!:",
        "sha-256=:AAAA:",
        "sha-256=::",
        "=:x:"
      })
  void refusesMalformedFields(String header) {
    DomainException e = assertThrows(DomainException.class, () -> ContentDigest.sha256Of(header));
    assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
  }
}
