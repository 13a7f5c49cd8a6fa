package dev.ft.monitoring.boundary;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A response that counts the bytes of its body as they are written, through its stream or its
 * writer, and changes nothing else: every write goes straight through, no buffer of its own.
 */
final class CountingResponse extends HttpServletResponseWrapper {
  private long bytes;
  private ServletOutputStream stream;
  private PrintWriter writer;

  CountingResponse(HttpServletResponse response) {
    super(response);
  }

  long bytes() {
    return bytes;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new CountingStream(super.getOutputStream());
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      boolean utf8 = StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding());
      writer = new PrintWriter(new CountingWriter(super.getWriter(), utf8));
    }
    return writer;
  }

  private final class CountingStream extends ServletOutputStream {
    private final ServletOutputStream out;

    CountingStream(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }

  /** Counts what the characters take in UTF-8 (the pages' encoding), else one byte each. */
  private final class CountingWriter extends Writer {
    private final Writer out;
    private final boolean utf8;

    CountingWriter(Writer out, boolean utf8) {
      this.out = out;
      this.utf8 = utf8;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      out.write(chars, off, len);
      for (int i = off; i < off + len; i++) {
        char c = chars[i];
        bytes += !utf8 || c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
