package dev.ft.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies byte by byte, the way browsers and curl -F send them. */
public final class Multipart {
  private final String boundary = "----ftTestBoundary" + System.nanoTime();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public Multipart file(String field, String filename, String contentType, byte[] content) {
    ascii("--" + boundary + "\r\n");
    utf8(
        "Content-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\n");
    ascii("Content-Type: " + contentType + "\r\n\r\n");
    body.writeBytes(content);
    ascii("\r\n");
    return this;
  }

  public Multipart field(String field, String value) {
    ascii("--" + boundary + "\r\n");
    ascii("Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n");
    utf8(value);
    ascii("\r\n");
    return this;
  }

  public Multipart close() {
    ascii("--" + boundary + "--\r\n");
    return this;
  }

  public byte[] bytes() {
    return body.toByteArray();
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  private void ascii(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  private void utf8(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
