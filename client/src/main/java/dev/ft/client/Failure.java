package dev.ft.client;

/**
 * What went wrong, in one line a person can act on, with the exit code of its kind: 2 bad usage, 3
 * not logged in or wrong password, 4 not allowed, 5 not found, 6 conflict, 7 too large or over
 * quota, 8 network or TLS, 9 other server error.
 */
public class Failure extends RuntimeException {
  public static final int USAGE = 2;
  public static final int AUTH = 3;
  public static final int FORBIDDEN = 4;
  public static final int NOT_FOUND = 5;
  public static final int CONFLICT = 6;
  public static final int TOO_LARGE = 7;
  public static final int NETWORK = 8;
  public static final int SERVER = 9;

  private final int exitCode;

  public Failure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** The exit code for an HTTP error status. */
  public static int exitCodeOf(int status) {
    return switch (status) {
      case 400, 405, 415, 416 -> USAGE;
      case 401, 429 -> AUTH;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 413, 507 -> TOO_LARGE;
      default -> SERVER;
    };
  }
}
