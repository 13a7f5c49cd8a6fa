package dev.ft.audit.control;

import dev.ft.platform.Housekeeping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the audit trail for {@code ft.audit-retention} (365 days by default): events older than
 * that are removed at start-up and then every hour, or more often when the retention itself is
 * shorter than two hours.
 */
@ApplicationScoped
public class AuditRetention {

  @Inject
  @ConfigProperty(name = "ft.audit-retention")
  Duration retention;

  @Inject Housekeeping housekeeping;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public void start() {
    housekeeping.schedule(
        retention,
        Duration.ofHours(1),
        "audit events older than " + retention,
        () -> audit.removeOlderThan(clock.instant().minus(retention)));
  }
}
