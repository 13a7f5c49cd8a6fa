package dev.ft.accounts.control;

import dev.ft.platform.DomainException;
import dev.ft.platform.ProblemHeaders;
import java.time.Duration;
import java.util.Map;

/** Login refused without checking the password, because of recent failures. */
public class TooManyAttempts extends DomainException implements ProblemHeaders {
  private final long retryAfterSeconds;

  public TooManyAttempts(Duration wait) {
    super(Kind.TOO_MANY_ATTEMPTS, "Too many failed logins",
        "Too many failed logins for this account or address; try again in " + seconds(wait) + " seconds.");
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
