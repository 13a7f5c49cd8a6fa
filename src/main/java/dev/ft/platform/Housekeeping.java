package dev.ft.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs clean-up work now and then: at once, and then every half of the lifetime it enforces, but at
 * least every {@code longest} and at most every second. A round that fails (the database away) is
 * logged, and the next round tries again; /health/ready reports the database meanwhile.
 */
@ApplicationScoped
public class Housekeeping {
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  /**
   * @param what what the task removes, for the log ("expired unfinished uploads")
   * @param task removes what is due and answers how many it removed
   */
  public void schedule(Duration lifetime, Duration longest, String what, IntSupplier task) {
    long periodMillis =
        Math.max(1000, Math.min(longest.toMillis(), lifetime.dividedBy(2).toMillis()));
    scheduler.scheduleAtFixedRate(
        () -> {
          try {
            int removed = task.getAsInt();
            if (removed > 0) {
              LOG.info(() -> "Removed " + removed + " " + what);
            }
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove {0}: {1}", new Object[] {what, e.toString()});
          }
        },
        0,
        periodMillis,
        TimeUnit.MILLISECONDS);
  }
}
