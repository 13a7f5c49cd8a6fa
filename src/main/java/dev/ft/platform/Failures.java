package dev.ft.platform;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Recognises failures by their cause chain, for the places that must answer differently. */
public final class Failures {
  /** What every request answers while the database cannot be reached, with this Retry-After. */
  public static final Problem DATABASE_DOWN =
      new Problem(503, "Service unavailable", "The database cannot be reached; try again shortly.");

  public static final int DATABASE_DOWN_RETRY_AFTER_SECONDS = 5;

  private Failures() {}

  /** True when the cause chain shows the database could not be reached at all. */
  public static boolean isDatabaseDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException // MySQL's "communications link failure"
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
