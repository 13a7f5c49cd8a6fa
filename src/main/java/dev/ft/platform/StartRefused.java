package dev.ft.platform;

/**
 * A setting this server cannot start with (a missing bucket, a malformed value). Start-up ends the
 * process with its message as one line, instead of leaving a runtime up that serves nothing.
 */
public class StartRefused extends RuntimeException {
  public StartRefused(String message) {
    super(message);
  }

  public StartRefused(String message, Throwable cause) {
    super(message, cause);
  }
}
