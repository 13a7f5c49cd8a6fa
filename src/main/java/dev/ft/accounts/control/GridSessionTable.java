package dev.ft.accounts.control;

import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sessions in a map of the data grid. The grid itself ends an idle one: every entry is written with
 * a maximum idle time, and reading an entry counts as using it.
 */
final class GridSessionTable implements SessionTable {
  private static final long NO_TIME_TO_LIVE = 0;

  private final IMap<String, SignedIn> sessions;
  private final long idleMillis;

  GridSessionTable(IMap<String, SignedIn> sessions, Duration idle) {
    this.sessions = sessions;
    this.idleMillis = idle.toMillis();
  }

  @Override
  public void put(String key, SignedIn session) {
    sessions.set(
        key, session, NO_TIME_TO_LIVE, TimeUnit.MILLISECONDS, idleMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<SignedIn> find(String key) {
    return Optional.ofNullable(sessions.get(key));
  }

  @Override
  public void remove(String key) {
    sessions.delete(key);
  }

  @Override
  public int size() {
    return sessions.size();
  }
}
