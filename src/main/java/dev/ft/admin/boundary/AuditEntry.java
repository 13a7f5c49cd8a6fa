package dev.ft.admin.boundary;

import dev.ft.audit.entity.AuditEvent;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** One audit event as the API shows it; absent values are written as null, not left out. */
@JsonbNillable
public record AuditEntry(
    Instant at, String actor, String action, String owner, String name, String detail) {
  static AuditEntry of(AuditEvent e) {
    return new AuditEntry(
        e.at(), e.actor(), e.action().wireName(), e.ownerName(), e.fileName(), e.detail());
  }
}
