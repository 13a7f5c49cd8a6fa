package dev.ft.platform;

import java.util.Map;

/**
 * A failure that tells the client a little more in response headers: how long to wait ({@code
 * Retry-After}), how large the file is ({@code Content-Range}).
 */
public interface ProblemHeaders {
  Map<String, String> problemHeaders();
}
