package dev.ft.accounts.control;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import dev.ft.platform.Grid;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Failure counts in a map of the data grid, so that failures on every node add up. A failure is
 * applied where the entry lives, in one step, and each write sets the entry's time to live anew (a
 * plain replace would drop it to "for ever").
 */
final class GridCounts implements AttemptLimiter.Counts {
  private final IMap<String, AttemptLimiter.State> states;

  /** The grid's map {@code name} when clustered; null (this JVM's memory) when alone. */
  static AttemptLimiter.Counts of(Grid grid, String name) {
    return grid.isClustered() ? new GridCounts(grid.map(name)) : null;
  }

  private GridCounts(IMap<String, AttemptLimiter.State> states) {
    this.states = states;
  }

  @Override
  public AttemptLimiter.State get(String key) {
    return states.get(key);
  }

  @Override
  public AttemptLimiter.State record(String key, AttemptLimiter.Failure failure) {
    return states.executeOnKey(key, new Apply(failure));
  }

  @Override
  public void remove(String key) {
    states.delete(key);
  }

  /**
   * Runs on the member that owns the entry. The entry lives as long as it can matter: a window
   * after the longest lock-out, when it is quiet anyway.
   */
  private record Apply(AttemptLimiter.Failure failure)
      implements EntryProcessor<String, AttemptLimiter.State, AttemptLimiter.State> {
    @Override
    public AttemptLimiter.State process(Map.Entry<String, AttemptLimiter.State> entry) {
      AttemptLimiter.State next = failure.apply(entry.getValue());
      long ttl = failure.window().plus(failure.maxLockout()).toSeconds();
      ((ExtendedMapEntry<String, AttemptLimiter.State>) entry)
          .setValue(next, Math.max(1, ttl), TimeUnit.SECONDS);
      return next;
    }
  }
}
