package dev.ft.files.control;

import com.hazelcast.map.IMap;
import dev.ft.platform.Grid;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One piece of a resumable upload at a time, across every node: a piece holds its upload from
 * before it reads the offset until its bytes are kept, and a second piece meanwhile is refused.
 * Clustered, the hold is a lock in the data grid, which the grid lets go when the node holding it
 * dies; alone, an entry in this JVM.
 */
@ApplicationScoped
public class PieceLocks {
  private static final Logger LOG = Logger.getLogger(PieceLocks.class.getName());

  @Inject Grid grid;

  private final ConcurrentHashMap<String, Boolean> local = new ConcurrentHashMap<>();
  private IMap<String, Boolean> shared;

  @PostConstruct
  void connect() {
    if (grid.isClustered()) {
      shared = grid.map("ft.upload-pieces");
    }
  }

  /** Holds {@code uploadId} for the calling thread, unless a piece anywhere holds it already. */
  public boolean tryHold(String uploadId) {
    return shared != null ? shared.tryLock(uploadId) : local.putIfAbsent(uploadId, true) == null;
  }

  /**
   * Lets go of what {@link #tryHold} took, from the thread that took it. A grid that already let go
   * (it is shutting down, or took this node for dead) is no reason to fail the piece that ended.
   */
  public void release(String uploadId) {
    if (shared == null) {
      local.remove(uploadId);
      return;
    }
    try {
      shared.unlock(uploadId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The grid had let go of upload {0} already: {1}",
          new Object[] {uploadId, e.toString()});
    }
  }

  /** True while a piece of {@code uploadId} is being written, here or on another node. */
  public boolean isHeld(String uploadId) {
    return shared != null ? shared.isLocked(uploadId) : local.containsKey(uploadId);
  }
}
