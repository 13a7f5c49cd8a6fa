package dev.ft.platform;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * How the persistence layer uses the connection pool, seen from EclipseLink's events: it raises one
 * as it borrows a connection from the pool (the pool is Payara's, whose own figures need its
 * monitoring service) and one as it gives it back. A connection whose socket broke is not given
 * back with an event; it is held weakly, so it leaves the count when EclipseLink drops it.
 */
public class PooledConnections extends SessionEventAdapter {
  private static final Set<Object> HELD =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static final LongAdder BORROWED = new LongAdder();

  @Override
  public void postAcquireConnection(SessionEvent event) {
    if (HELD.add(event.getResult())) {
      BORROWED.increment();
    }
  }

  @Override
  public void preReleaseConnection(SessionEvent event) {
    HELD.remove(event.getResult());
  }

  /** Connections borrowed and not yet given back. */
  public static int inUse() {
    return HELD.size();
  }

  /** Connections borrowed since the start. */
  public static long borrowed() {
    return BORROWED.sum();
  }

  /** The most the pool hands out at once. */
  public static int max() {
    return DataSourceDeclaration.MAX_POOL_SIZE;
  }
}
