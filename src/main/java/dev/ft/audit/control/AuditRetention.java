package dev.ft.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the audit trail for {@code ft.audit-retention} (365 days by default): events older than
 * that are removed at start-up and then every hour, or more often when the retention itself is
 * shorter than two hours.
 */
@ApplicationScoped
public class AuditRetention {
  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());
  private static final Duration LONGEST_PERIOD = Duration.ofHours(1);

  @Inject
  @ConfigProperty(name = "ft.audit-retention")
  Duration retention;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public void start() {
    Duration half = retention.dividedBy(2);
    long periodMillis = Math.max(1000, Math.min(LONGEST_PERIOD.toMillis(), half.toMillis()));
    scheduler.scheduleAtFixedRate(this::removeExpired, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void removeExpired() {
    try {
      int removed = audit.removeOlderThan(clock.instant().minus(retention));
      if (removed > 0) {
        LOG.fine(() -> "Removed " + removed + " audit events older than " + retention);
      }
    } catch (RuntimeException e) {
      // the next round tries again; a database that is away is reported by /health/ready
      LOG.log(Level.WARNING, "Could not remove old audit events: {0}", e.toString());
    }
  }
}
