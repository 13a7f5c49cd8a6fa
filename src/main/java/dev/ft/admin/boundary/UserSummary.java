package dev.ft.admin.boundary;

import dev.ft.files.control.AccountUsage;
import java.time.Instant;

/** A user as admins see them, with what they store. */
public record UserSummary(
    String username, String role, long fileCount, long bytesUsed, Instant createdAt) {
  static UserSummary of(AccountUsage.Usage usage) {
    return new UserSummary(
        usage.account().username(),
        usage.account().role().wireName(),
        usage.fileCount(),
        usage.bytesUsed(),
        usage.account().createdAt());
  }
}
