package dev.ft.accounts.control;

import dev.ft.platform.Grid;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The admin page's sessions, by a hash of the browser's session cookie: in this JVM alone, in the
 * data grid when clustered, so a browser signed in on one node is signed in on all. A session not
 * used for {@code idle} is gone.
 */
public interface SessionTable {

  static SessionTable of(Grid grid, Duration idle, Clock clock) {
    return grid.isClustered()
        ? new GridSessionTable(grid.map("ft.admin-sessions"), idle)
        : new LocalSessionTable(idle, clock);
  }

  void put(String key, SignedIn session);

  /** The session, if it is there and not idle too long; reading it counts as a use. */
  Optional<SignedIn> find(String key);

  void remove(String key);

  /** How many sessions are open, on every node together. */
  int size();
}
