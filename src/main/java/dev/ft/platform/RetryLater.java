package dev.ft.platform;

import java.time.Duration;
import java.util.Map;

/** Refused for now, before any work: too many at once or too often. Says when to try again. */
public class RetryLater extends DomainException implements ProblemHeaders {
  private final long retryAfterSeconds;

  public RetryLater(Duration wait, String title, String what) {
    super(Kind.TOO_MANY_ATTEMPTS, title, what + "; try again in " + seconds(wait) + " seconds.");
    this.retryAfterSeconds = seconds(wait);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, String> problemHeaders() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
