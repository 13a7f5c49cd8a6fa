package dev.ft.files.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "report.pdf",
        ".hidden",
        "a..b",
        "trailing.",
        "日本語.txt",
        "emoji 😀.png",
        "100% & #?.txt"
      })
  void acceptsOrdinaryNames(String name) {
    assertEquals(name, FileName.require(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "...",
        "a/b",
        "a\\b",
        "nul\u0000",
        "tab\t",
        "cr\r",
        "del\u007f",
        "c1\u0085",
        "lone\ud800surrogate",
        "low\udc00first",
        "invoice\u202egpj.exe",
        "isolate\u2066x",
        "zero\u200bwidth",
        "bom\ufeff",
        "tag\udb40\udc01"
      })
  void refusesWhatTheContractForbids(String name) {
    assertEquals(
        DomainException.Kind.INVALID_INPUT,
        assertThrows(DomainException.class, () -> FileName.require(name)).kind());
  }

  @ParameterizedTest
  @ValueSource(ints = {255, 256})
  void limitsNamesTo255Utf8Bytes(int bytes) {
    String name = "é".repeat(bytes / 2) + (bytes % 2 == 1 ? "x" : "");
    if (bytes <= 255) {
      assertEquals(name, FileName.require(name));
    } else {
      assertThrows(DomainException.class, () -> FileName.require(name));
    }
  }

  @Test
  void aNameStoredBesideItsTwinGetsANumberBeforeTheExtension() {
    assertEquals("report (2).pdf", FileName.numbered("report.pdf", 2));
    assertEquals("archive.tar (3).gz", FileName.numbered("archive.tar.gz", 3));
    assertEquals("README (2)", FileName.numbered("README", 2));
    assertEquals(".env (2)", FileName.numbered(".env", 2), "a leading dot is no extension");
    String longest = "é".repeat(125) + ".txt"; // 254 bytes
    String numbered = FileName.numbered(longest, 12);
    assertEquals(numbered, FileName.require(numbered), "still a valid name");
    assertTrue(numbered.endsWith("é (12).txt"), numbered);
  }
}
