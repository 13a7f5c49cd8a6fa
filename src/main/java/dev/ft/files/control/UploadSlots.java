package dev.ft.files.control;

import dev.ft.platform.RetryLater;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code ft.max-concurrent-uploads-per-user} uploads of one caller at a time. Each holds an
 * open file and a thread while it streams, so without a bound one account could take the server's
 * file handles from everyone else; past it the caller is told to retry.
 */
@ApplicationScoped
public class UploadSlots {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  @Inject
  @ConfigProperty(name = "ft.max-concurrent-uploads-per-user")
  int maxPerUser;

  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  /** A slot for one upload of {@code caller}, released when closed. */
  public Slot take(String caller) {
    boolean[] taken = {false};
    inFlight.compute(
        caller,
        (key, count) -> {
          int now = count == null ? 0 : count;
          if (now >= maxPerUser) {
            return count;
          }
          taken[0] = true;
          return now + 1;
        });
    if (!taken[0]) {
      throw new RetryLater(
          RETRY_AFTER,
          "Too many uploads",
          "You already have "
              + maxPerUser
              + " uploads running, the most one user may have at once");
    }
    return () -> inFlight.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** A taken slot. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }
}
