package dev.ft.files.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes unfinished resumable uploads once they expire ({@code ft.upload-expiry}), with their
 * bytes and the space they reserved: at start-up and then every ten minutes, or more often when the
 * expiry itself is shorter.
 */
@ApplicationScoped
public class UploadExpiry {
  private static final Logger LOG = Logger.getLogger(UploadExpiry.class.getName());
  private static final Duration LONGEST_PERIOD = Duration.ofMinutes(10);

  @Inject
  @ConfigProperty(name = "ft.upload-expiry")
  Duration expiry;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ResumableUploads uploads;

  public void start() {
    long periodMillis =
        Math.max(1000, Math.min(LONGEST_PERIOD.toMillis(), expiry.dividedBy(2).toMillis()));
    scheduler.scheduleAtFixedRate(this::removeExpired, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void removeExpired() {
    try {
      int removed = uploads.removeExpired();
      if (removed > 0) {
        LOG.info(() -> "Removed " + removed + " expired unfinished uploads");
      }
    } catch (RuntimeException e) {
      // the next round tries again; a database that is away is reported by /health/ready
      LOG.log(Level.WARNING, "Could not remove expired uploads: {0}", e.toString());
    }
  }
}
