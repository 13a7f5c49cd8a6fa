package dev.ft.files.http;

import dev.ft.files.control.ByteRange;
import dev.ft.files.control.Downloads;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * A download request's method and conditional headers: {@code If-None-Match} (the caller holds the
 * file already), {@code Range} and {@code If-Range} (a part of it, only if the file is still the
 * one the caller has part of).
 */
public record RequestConditions(
    boolean bodyWanted, String rangeHeader, String ifNoneMatch, String ifRange)
    implements Downloads.Conditions {

  /** From the servlet request: for a HEAD, JAX-RS calls the GET method and says "GET". */
  public static RequestConditions of(HttpServletRequest request) {
    return new RequestConditions(
        !"HEAD".equals(request.getMethod()),
        request.getHeader("Range"),
        request.getHeader("If-None-Match"),
        request.getHeader("If-Range"));
  }

  @Override
  public boolean holds(String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }

  @Override
  public Optional<ByteRange> range(String etag, long size) {
    boolean applies = ifRange == null || ifRange.strip().equals(etag);
    return applies ? RangeHeader.parse(rangeHeader, size) : Optional.empty();
  }
}
