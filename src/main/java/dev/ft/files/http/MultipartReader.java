package dev.ft.files.http;

import dev.ft.files.control.FormParts;
import dev.ft.platform.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code multipart/form-data} as a stream: each part's body is handed out while it arrives,
 * so a file part goes straight to storage and is never held in memory or spooled to a temp file
 * first. Malformed or truncated input is a client error.
 */
public final class MultipartReader implements FormParts {
  private static final int BUFFER_SIZE = 256 * 1024;
  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};

  private final InputStream in;
  private final byte[] delimiter; // CRLF "--" boundary
  private final int[] delimiterSkip; // Horspool's shift for each byte value
  private final byte[] buf;
  private int pos;
  private int limit;
  private int clean; // no delimiter starts in [pos, clean)
  private boolean eof;
  private boolean finished;
  private PartBody current;

  /** One part: its headers and a body stream that ends at the part's end. */
  public record Part(Map<String, String> headers, String name, String filename, InputStream body)
      implements FormParts.Part {
    @Override
    public String contentType() {
      return headers.get("content-type");
    }
  }

  public MultipartReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.delimiterSkip = horspoolShifts(delimiter);
    this.buf = new byte[BUFFER_SIZE];
    // The first boundary need not follow a line break; pretend one came before the body.
    System.arraycopy(CRLF, 0, buf, 0, 2);
    this.limit = 2;
  }

  /** The parts of {@code body}, a form sent with the Content-Type header {@code contentType}. */
  public static MultipartReader of(String contentType, InputStream body) {
    return new MultipartReader(body, boundaryOf(contentType));
  }

  /** The boundary parameter of a multipart Content-Type header. */
  public static String boundaryOf(String contentType) {
    String boundary =
        contentType == null ? null : HeaderParameters.parse(contentType).get("boundary");
    if (boundary == null
        || boundary.isEmpty()
        || boundary.length() > 70
        || !boundary.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw DomainException.invalid(
          "multipart/form-data needs a boundary of 1 to 70 printable characters");
    }
    return boundary;
  }

  /** The next part, once the previous one has been read or skipped; empty after the last. */
  @Override
  public Optional<Part> next() throws IOException {
    if (current == null) {
      new PartBody().transferTo(OutputSink.NULL); // the preamble
    } else {
      current.transferTo(OutputSink.NULL);
    }
    if (finished) {
      return Optional.empty();
    }
    if (startsWith("--")) {
      finished = true;
      return Optional.empty();
    }
    skipTransportPadding();
    if (!startsWith("\r\n")) {
      throw malformed("a boundary line must end with CRLF");
    }
    pos += 2;
    Map<String, String> headers = readHeaders();
    Map<String, String> disposition =
        HeaderParameters.parse(headers.getOrDefault("content-disposition", ""));
    current = new PartBody();
    return Optional.of(
        new Part(headers, disposition.get("name"), disposition.get("filename"), current));
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    int read = 0;
    while (true) {
      int end = indexOfCrlf(pos);
      while (end < 0) {
        if (limit - pos > MAX_HEADER_BYTES || !fill()) {
          throw malformed(
              eof ? "the body ends inside a part's headers" : "a part's headers are too long");
        }
        end = indexOfCrlf(pos);
      }
      String line = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
      read += end - pos + 2;
      pos = end + 2;
      clean = Math.max(clean, pos);
      if (read > MAX_HEADER_BYTES) {
        throw malformed("a part's headers are too long");
      }
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw malformed("a part header has no name");
      }
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
  }

  private void skipTransportPadding() throws IOException {
    while (true) {
      ensure(1);
      if (pos < limit && (buf[pos] == ' ' || buf[pos] == '\t')) {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean startsWith(String s) throws IOException {
    ensure(s.length());
    if (limit - pos < s.length()) {
      if (s.equals("--")) {
        return false;
      }
      throw malformed("the body ends before its closing boundary");
    }
    for (int i = 0; i < s.length(); i++) {
      if (buf[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void ensure(int n) throws IOException {
    while (limit - pos < n && fill()) {
      // keep reading
    }
  }

  /** Moves unread bytes to the front and reads more; false at end of input. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      clean = Math.max(0, clean - pos);
      pos = 0;
    }
    if (limit == buf.length) {
      return true; // full of data the caller has not consumed yet
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  /**
   * The body of a file part is scanned for the delimiter with Boyer-Moore-Horspool, which looks at
   * about one byte in every delimiter length instead of every byte: with the naive scan, multipart
   * uploads ran at 0.6 of a raw PUT (bench/results.md).
   */
  private int indexOfDelimiter(int from) {
    int m = delimiter.length;
    int last = limit - m;
    int i = from;
    while (i <= last) {
      int j = m - 1;
      while (buf[i + j] == delimiter[j]) {
        if (j == 0) {
          return i;
        }
        j--;
      }
      i += delimiterSkip[buf[i + m - 1] & 0xff];
    }
    return -1;
  }

  private static int[] horspoolShifts(byte[] pattern) {
    int[] shifts = new int[256];
    Arrays.fill(shifts, pattern.length);
    for (int i = 0; i < pattern.length - 1; i++) {
      shifts[pattern[i] & 0xff] = pattern.length - 1 - i;
    }
    return shifts;
  }

  /** Where the next line break starts, at or after {@code from}; -1 when none is buffered yet. */
  private int indexOfCrlf(int from) {
    for (int i = from; i < limit - 1; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static DomainException malformed(String why) {
    return DomainException.invalid("malformed multipart body: " + why);
  }

  /** Where skipped bytes go. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink NULL = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** The body of one part: ends where the next delimiter starts. */
  private final class PartBody extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        int at = indexOfDelimiter(Math.max(pos, clean));
        if (at == pos) {
          pos += delimiter.length;
          clean = pos;
          done = true;
          return -1;
        }
        int available = at > 0 ? at : limit - delimiter.length + 1;
        if (at < 0) {
          clean = Math.max(clean, available);
        }
        if (available > pos) {
          int n = Math.min(len, available - pos);
          System.arraycopy(buf, pos, out, off, n);
          pos += n;
          return n;
        }
        if (!fill()) {
          throw malformed("the body ends before its closing boundary");
        }
      }
    }
  }
}
