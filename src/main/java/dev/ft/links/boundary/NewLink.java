package dev.ft.links.boundary;

import dev.ft.links.control.ShareLinks;
import dev.ft.platform.AddressRange;
import dev.ft.platform.DomainException;
import dev.ft.platform.DurationConverter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

  /** What is asked for, on the files of {@code ownerName}. */
  ShareLinks.Request toRequest(String ownerName, Clock clock) {
    if (file == null) {
      throw DomainException.invalid(SHAPE);
    }
    return new ShareLinks.Request(
        ownerName, file, expiry(clock), password, maxDownloads, ranges(), note);
  }

  private Instant expiry(Clock clock) {
    if ((expiresIn == null) == (expiresAt == null)) {
      throw DomainException.invalid(
          "give the link's expiry as exactly one of \"expiresIn\" (e.g. \"7d\", \"12h\") and"
              + " \"expiresAt\" (e.g. \"2026-12-31T18:00:00Z\")");
    }
    if (expiresIn != null) {
      try {
        return clock.instant().plus(DurationConverter.parse(expiresIn));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid(
            "expiresIn must be a duration such as \"30m\", \"12h\" or \"7d\", not '"
                + expiresIn
                + "'");
      }
    }
    try {
      return Instant.parse(expiresAt);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          "expiresAt must be an ISO-8601 instant such as \"2026-12-31T18:00:00Z\", not '"
              + expiresAt
              + "'");
    }
  }

  private List<AddressRange> ranges() {
    if (allowFrom == null) {
      return List.of();
    }
    return allowFrom.stream()
        .map(
            text ->
                AddressRange.parse(text)
                    .orElseThrow(
                        () ->
                            DomainException.invalid(
                                "allowFrom takes IP addresses and CIDR ranges such as"
                                    + " \"192.0.2.0/24\" or \"2001:db8::/32\", not '"
                                    + text
                                    + "'")))
        .toList();
  }
}
