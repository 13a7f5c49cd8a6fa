package dev.ft.links.boundary;

import dev.ft.links.control.LinkGate;
import dev.ft.platform.AddressRange;
import dev.ft.platform.DomainException;
import dev.ft.platform.DurationConverter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The terms every link's JSON body carries, read from their wire form. */
final class WireTerms {
  private WireTerms() {}

  static LinkGate.Request read(
      String expiresIn,
      String expiresAt,
      String password,
      List<String> allowFrom,
      String note,
      Clock clock) {
    return new LinkGate.Request(
        expiry(expiresIn, expiresAt, clock), password, ranges(allowFrom), note);
  }

  private static Instant expiry(String expiresIn, String expiresAt, Clock clock) {
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

  private static List<AddressRange> ranges(List<String> allowFrom) {
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
