package dev.ft.files.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {
  static final String BOUNDARY = "XyZ-boundary";

  record Read(String name, String filename, String contentType, byte[] body) {}

  static byte[] form(byte[]... contents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("preamble to ignore\r\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < contents.length; i++) {
      out.writeBytes(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f"
                  + i
                  + ".bin\"\r\nContent-Type: application/x-test\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(contents[i]);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(
        ("--" + BOUNDARY + "--\r\nepilogue to ignore").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static List<Read> readAll(InputStream in) throws IOException {
    MultipartReader cut = new MultipartReader(in, BOUNDARY);
    List<Read> parts = new ArrayList<>();
    for (Optional<MultipartReader.Part> part; (part = cut.next()).isPresent(); ) {
      MultipartReader.Part p = part.get();
      parts.add(new Read(p.name(), p.filename(), p.contentType(), p.body().readAllBytes()));
    }
    return parts;
  }

  /** Hands out at most {@code chunk} bytes a read, so boundaries fall across reads. */
  static InputStream trickling(byte[] bytes, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 13, 4096, 1 << 20})
  void readsEveryPartWhateverTheReadSizes(int chunk) throws IOException {
    byte[] big = new byte[700_000];
    new Random(1).nextBytes(big);
    byte[] tricky =
        ("\r\n--" + BOUNDARY.substring(0, 5) + "\r\n--X\r\n").getBytes(StandardCharsets.US_ASCII);
    List<Read> parts = readAll(trickling(form(big, tricky, new byte[0]), chunk));
    assertEquals(3, parts.size());
    assertArrayEquals(big, parts.get(0).body());
    assertArrayEquals(tricky, parts.get(1).body(), "near-boundaries inside content are content");
    assertArrayEquals(new byte[0], parts.get(2).body());
    assertEquals("file", parts.get(0).name());
    assertEquals("f1.bin", parts.get(1).filename());
    assertEquals("application/x-test", parts.get(0).contentType());
  }

  @Test
  void readsQuotedEscapedAndExtendedFilenames() throws IOException {
    String body =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"q\\\" b.txt\""
            + "\r\n\r\nx\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=file; filename=\"fallback.txt\"; "
            + "filename*=UTF-8''Gr%C3%BC%C3%9Fe.txt\r\n\r\ny\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data;"
            + " name=\"file\"; filename=\"日本.txt\"\r\n\r\nz\r\n--"
            + BOUNDARY
            + "--";
    List<Read> parts = readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    assertEquals("a \"q\" b.txt", parts.get(0).filename());
    assertEquals("Grüße.txt", parts.get(1).filename());
    assertEquals("日本.txt", parts.get(2).filename(), "browsers send raw UTF-8");
  }

  @Test
  void skippedPartsAreConsumed() throws IOException {
    MultipartReader cut =
        new MultipartReader(
            new ByteArrayInputStream(form("one".getBytes(), "two".getBytes())), BOUNDARY);
    cut.next();
    MultipartReader.Part second = cut.next().orElseThrow();
    assertArrayEquals("two".getBytes(), second.body().readAllBytes());
    assertEquals(Optional.empty(), cut.next());
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 60, 100, 150})
  void aTruncatedBodyIsAClientError(int keep) {
    byte[] whole = form("some content here".getBytes(), "more".getBytes());
    byte[] cutOff = java.util.Arrays.copyOf(whole, Math.min(keep, whole.length - 30));
    DomainException e =
        assertThrows(DomainException.class, () -> readAll(new ByteArrayInputStream(cutOff)));
    assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
    assertTrue(e.getMessage().startsWith("malformed multipart body"), e.getMessage());
  }

  @Test
  void hugeHeadersAreRefused() {
    String body =
        "--"
            + BOUNDARY
            + "\r\nX-Filler: "
            + "a".repeat(20_000)
            + "\r\n\r\nx\r\n--"
            + BOUNDARY
            + "--";
    assertThrows(
        DomainException.class,
        () -> readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void theBoundaryComesFromTheContentType() {
    assertEquals("abc", MultipartReader.boundaryOf("multipart/form-data; boundary=abc"));
    assertEquals(
        "a b", MultipartReader.boundaryOf("multipart/form-data; charset=utf-8; boundary=\"a b\""));
    assertThrows(DomainException.class, () -> MultipartReader.boundaryOf("multipart/form-data"));
    assertThrows(
        DomainException.class, () -> MultipartReader.boundaryOf("multipart/form-data; boundary="));
    assertThrows(
        DomainException.class,
        () -> MultipartReader.boundaryOf("multipart/form-data; boundary=" + "x".repeat(71)));
  }
}
