package dev.ft.links.boundary;

import dev.ft.links.control.LinkGate;
import java.time.Clock;
import java.util.List;

/**
 * The body of {@code POST /drops}: {@code {"expiresIn" | "expiresAt", "password"?, "maxFiles"?,
 * "maxBytes"?, "allowFrom"?, "note"?, "owner"?}}.
 */
public record NewDrop(
    String owner,
    String expiresIn,
    String expiresAt,
    String password,
    Integer maxFiles,
    Long maxBytes,
    List<String> allowFrom,
    String note) {

  LinkGate.Request terms(Clock clock) {
    return WireTerms.read(expiresIn, expiresAt, password, allowFrom, note, clock);
  }
}
