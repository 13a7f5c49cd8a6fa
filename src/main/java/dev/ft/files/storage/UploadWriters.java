package dev.ft.files.storage;

import com.hazelcast.map.IMap;
import dev.ft.platform.Grid;
import java.util.concurrent.TimeUnit;

/**
 * Which node writes which unfinished upload (an S3 multipart upload, a pending file in a shared
 * folder), in the data grid: a node that starts after a crash removes the uploads whose writer is
 * no longer a member (itself before the crash, or a node that died), and leaves every live node's
 * alone. Alone, there is nobody else, and nothing to record.
 */
final class UploadWriters {
  private static final long KEPT_DAYS = 7; // a record outlives any upload; then it goes by itself

  private final Grid grid;
  private final IMap<String, String> writers;

  UploadWriters(Grid grid) {
    this.grid = grid;
    this.writers = grid.isClustered() ? grid.map("ft.upload-writers") : null;
  }

  void began(String uploadId) {
    if (writers != null) {
      writers.set(uploadId, grid.memberId(), KEPT_DAYS, TimeUnit.DAYS);
    }
  }

  void ended(String uploadId) {
    if (writers != null) {
      writers.delete(uploadId);
    }
  }

  /** True when the node that began this upload is no longer a member of the cluster. */
  boolean writerIsGone(String uploadId) {
    if (writers == null) {
      return false;
    }
    String writer = writers.get(uploadId);
    return writer != null && !grid.memberIds().contains(writer);
  }
}
