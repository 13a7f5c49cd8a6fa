package dev.ft.monitoring.control;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One request as the access log writes it, in {@code key=value} fields that log tools split without
 * a parser of their own. The path is the raw (still percent-encoded, so space-free) path without
 * its query; a share link's or a drop's key, which is its credential, is replaced by {@code {key}}.
 * Nothing else from the request is written: no header, no query, no body.
 */
public record AccessLine(
    Instant time,
    String node,
    String client,
    String user,
    String method,
    String path,
    int status,
    long bytesIn,
    long bytesOut,
    long micros) {

  /** The paths whose segment after the prefix is a link's or drop's key. */
  private static final Pattern SECRET_SEGMENT =
      Pattern.compile("^(/s/|/d/|/api/v1/s/|/api/v1/d/)[^/]*");

  /** The path as logged: the key of a link or drop hidden. */
  public static String loggable(String path) {
    return SECRET_SEGMENT.matcher(path).replaceFirst("$1{key}");
  }

  @Override
  public String toString() {
    return "time="
        + time
        + " node="
        + node
        + " client="
        + client
        + " user="
        + (user == null ? "-" : user)
        + " method="
        + method
        + " path="
        + loggable(path)
        + " status="
        + status
        + " in="
        + (bytesIn < 0 ? "-" : Long.toString(bytesIn))
        + " out="
        + bytesOut
        + " ms="
        + String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
  }
}
