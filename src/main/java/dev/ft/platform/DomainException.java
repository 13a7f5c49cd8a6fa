package dev.ft.platform;

/**
 * A failure the caller can act on. Controls throw it with a {@link Kind} that says what went wrong
 * in domain terms; {@link DomainExceptionMapper} alone decides how a client sees it.
 */
public class DomainException extends RuntimeException {

  /** What kind of failure this is, independent of any protocol. */
  public enum Kind {
    INVALID_INPUT,
    NOT_AUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE,
    TOO_MANY_ATTEMPTS,
    RANGE_NOT_SATISFIABLE,
    /** Something that was there and has run out (an expired resumable upload). */
    GONE,
    /** Bytes that do not match the checksum sent with them (tus: 460). */
    CHECKSUM_MISMATCH,
    /** A body of the wrong media type. */
    UNSUPPORTED_MEDIA_TYPE,
    INSUFFICIENT_STORAGE,
    UNAVAILABLE
  }

  private final Kind kind;
  private final String title;

  public DomainException(Kind kind, String title, String detail) {
    super(detail);
    this.kind = kind;
    this.title = title;
  }

  public Kind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public static DomainException invalid(String detail) {
    return new DomainException(Kind.INVALID_INPUT, "Invalid request", detail);
  }

  public static DomainException notFound(String detail) {
    return new DomainException(Kind.NOT_FOUND, "Not found", detail);
  }

  public static DomainException conflict(String detail) {
    return new DomainException(Kind.CONFLICT, "Conflict", detail);
  }
}
