package dev.ft.links.boundary;

import dev.ft.links.control.LinkGate;
import dev.ft.platform.DomainException;
import java.time.Clock;
import java.util.List;

/**
 * The body of {@code POST /links}: {@code {"file", "owner"?, "expiresIn" | "expiresAt",
 * "password"?, "maxDownloads"?, "allowFrom"?, "note"?}}.
 */
public record NewLink(
    String file,
    String owner,
    String expiresIn,
    String expiresAt,
    String password,
    Integer maxDownloads,
    List<String> allowFrom,
    String note) {

  static final String SHAPE =
      "the body must be JSON {\"file\": NAME, \"expiresIn\": \"7d\" or \"expiresAt\": ISO-8601,"
          + " \"password\"?, \"maxDownloads\"?, \"allowFrom\"?: [CIDR…], \"note\"?}";

  /** The terms asked for; the file, its owner and the download limit are read beside them. */
  LinkGate.Request terms(Clock clock) {
    if (file == null) {
      throw DomainException.invalid(SHAPE);
    }
    return WireTerms.read(expiresIn, expiresAt, password, allowFrom, note, clock);
  }
}
