package dev.ft.files.control;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dev.ft.platform.Grid;
import dev.ft.platform.RetryLater;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code ft.max-concurrent-uploads-per-user} uploads of one caller at a time, on every node
 * together. Each holds an open file and a thread while it streams, so without a bound one account
 * could take the servers' file handles from everyone else; past it the caller is told to retry.
 *
 * <p>Clustered, a caller's slots are counted per node in one entry of the data grid, and a node
 * that has left the cluster holds none: its uploads died with it.
 */
@ApplicationScoped
public class UploadSlots {
  private static final Logger LOG = Logger.getLogger(UploadSlots.class.getName());
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  @Inject
  @ConfigProperty(name = "ft.max-concurrent-uploads-per-user")
  int maxPerUser;

  @Inject Grid grid;

  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
  private IMap<String, HashMap<String, Integer>> shared;

  @PostConstruct
  void connect() {
    if (grid.isClustered()) {
      shared = grid.map("ft.upload-slots");
    }
  }

  /** A slot for one upload of {@code caller}, released when closed. */
  public Slot take(String caller) {
    if (shared == null) {
      return takeHere(caller);
    }
    String member = grid.memberId();
    if (!shared.executeOnKey(caller, new Take(member, grid.memberIds(), maxPerUser))) {
      throw refused();
    }
    return () -> release(caller, member);
  }

  /** A grid that is gone (shutting down) is no reason to fail the upload that ended. */
  private void release(String caller, String member) {
    try {
      shared.executeOnKey(caller, new Release(member));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not give back an upload slot of {0}: {1}",
          new Object[] {caller, e.toString()});
    }
  }

  private Slot takeHere(String caller) {
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
      throw refused();
    }
    return () -> inFlight.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
  }

  private RetryLater refused() {
    return new RetryLater(
        RETRY_AFTER,
        "Too many uploads",
        "You already have " + maxPerUser + " uploads running, the most one user may have at once");
  }

  /** A taken slot. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes a slot for {@code member} if the caller's slots on the members {@code alive} leave room;
   * runs where the entry lives, in one step. Counts of members gone are dropped on the way.
   */
  record Take(String member, Set<String> alive, int max)
      implements EntryProcessor<String, HashMap<String, Integer>, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, HashMap<String, Integer>> entry) {
      HashMap<String, Integer> held = new HashMap<>();
      if (entry.getValue() != null) {
        held.putAll(entry.getValue());
      }
      held.keySet().retainAll(alive);
      boolean room = held.values().stream().mapToInt(Integer::intValue).sum() < max;
      if (room) {
        held.merge(member, 1, Integer::sum);
      }
      entry.setValue(held.isEmpty() ? null : held);
      return room;
    }
  }

  /** Gives one of {@code member}'s slots back. */
  record Release(String member) implements EntryProcessor<String, HashMap<String, Integer>, Void> {
    @Override
    public Void process(Map.Entry<String, HashMap<String, Integer>> entry) {
      if (entry.getValue() != null) {
        HashMap<String, Integer> held = new HashMap<>(entry.getValue());
        held.computeIfPresent(member, (key, count) -> count <= 1 ? null : count - 1);
        entry.setValue(held.isEmpty() ? null : held);
      }
      return null;
    }
  }
}
