package dev.ft.accounts.control;

import dev.ft.platform.RetryLater;
import java.time.Duration;

/** A login or registration refused before any work, because of recent attempts. */
public class TooManyAttempts extends RetryLater {

  public TooManyAttempts(Duration wait) {
    this(wait, "Too many failed logins", "Too many failed logins for this account or address");
  }

  public TooManyAttempts(Duration wait, String title, String what) {
    super(wait, title, what);
  }
}
