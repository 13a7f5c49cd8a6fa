package dev.ft.files.control;

import dev.ft.platform.DomainException;

/** An upload that would go over the maximum file size or the owner's quota. */
public class LimitExceeded extends DomainException {

  /** Which limit was hit. */
  public enum Limit {
    MAX_FILE_SIZE("maximum file size"),
    USER_QUOTA("per-user quota"),
    UPLOAD_LENGTH("Upload-Length declared at creation");

    private final String label;

    Limit(String label) {
      this.label = label;
    }
  }

  private final Limit limit;

  public LimitExceeded(Limit limit, long bytes) {
    super(
        Kind.TOO_LARGE,
        "Upload too large",
        "The upload goes over the "
            + limit.label
            + " of "
            + bytes
            + " bytes ("
            + HumanBytes.format(bytes)
            + ").");
    this.limit = limit;
  }

  public Limit limit() {
    return limit;
  }
}
