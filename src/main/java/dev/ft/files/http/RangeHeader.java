package dev.ft.files.http;

import dev.ft.files.control.ByteRange;
import dev.ft.platform.DomainException;
import dev.ft.platform.ProblemHeaders;
import java.util.Map;
import java.util.Optional;

/** The {@code Range: bytes=…} header of a download, read against the file's size. */
public final class RangeHeader {
  private RangeHeader() {}

  /**
   * The range a {@code Range} header asks for within a file of {@code size} bytes; empty when there
   * is no header. Only one range is served: several ranges, other units, malformed values and
   * ranges that start past the end are all unsatisfiable.
   */
  public static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    String spec = header.strip();
    if (!spec.regionMatches(true, 0, "bytes=", 0, 6)) {
      throw unsatisfiable(size, "only byte ranges are served");
    }
    spec = spec.substring(6).strip();
    if (spec.contains(",")) {
      throw unsatisfiable(size, "only a single range is served");
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      throw unsatisfiable(
          size, "a range looks like bytes=FIRST-LAST, bytes=FIRST- or bytes=-SUFFIX");
    }
    String firstText = spec.substring(0, dash).strip();
    String lastText = spec.substring(dash + 1).strip();
    if (firstText.isEmpty()) {
      long suffix = number(lastText, size);
      if (suffix == 0 || size == 0) {
        throw unsatisfiable(size, "the range selects no bytes");
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = number(firstText, size);
    long last = lastText.isEmpty() ? size - 1 : number(lastText, size);
    if (first >= size) {
      throw unsatisfiable(size, "the range starts at or after the end of the file");
    }
    if (last < first) {
      throw unsatisfiable(size, "the range ends before it starts");
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  private static long number(String text, long size) {
    if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
      throw unsatisfiable(size, "range positions are whole numbers of bytes");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw unsatisfiable(size, "range positions are whole numbers of bytes");
    }
  }

  private static RangeNotSatisfiable unsatisfiable(long size, String why) {
    return new RangeNotSatisfiable(size, why);
  }

  /**
   * A Range header this file cannot answer; carries the size for {@code Content-Range: bytes *
   * /size}.
   */
  public static class RangeNotSatisfiable extends DomainException implements ProblemHeaders {
    private final long size;

    RangeNotSatisfiable(long size, String why) {
      super(
          Kind.RANGE_NOT_SATISFIABLE,
          "Range not satisfiable",
          why + " (the file has " + size + " bytes)");
      this.size = size;
    }

    @Override
    public Map<String, String> problemHeaders() {
      return Map.of("Content-Range", "bytes */" + size);
    }
  }
}
