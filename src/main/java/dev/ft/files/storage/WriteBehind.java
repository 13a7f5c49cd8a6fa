package dev.ft.files.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes to a file and puts the bytes on disk while more arrive: after every {@link #STEP} bytes it
 * starts a sync on another thread, unless the last one is still running. The sync that acknowledges
 * an upload then finds little left to write.
 *
 * <p>Left to itself, the kernel starts writing back only past a tenth of memory, so the sync at the
 * end of an upload wrote all of it after the last byte came: here, 1 GiB that took 0.5 s to write
 * took 3 s more to sync. A resumable upload fared worse, each 8 MiB piece waiting for its own sync
 * with nothing else in flight (bench/results.md).
 *
 * <p>A sync that fails fails the next write or {@link #force}. Linux reports a write-back error to
 * one sync of each open file only, so a later sync may succeed over lost bytes.
 */
final class WriteBehind implements WritableByteChannel {
  static final long STEP = 2 * 1024 * 1024;
  // Syncs wait on the disk and take no CPU; one at a time per file bounds them by open uploads.
  private static final ExecutorService SYNCS =
      Executors.newCachedThreadPool(
          Thread.ofPlatform().name("ft-write-behind-", 0).daemon().factory());

  private final FileChannel file;
  private long sinceSync;
  private Future<?> sync = CompletableFuture.completedFuture(null);

  WriteBehind(FileChannel file) {
    this.file = file;
  }

  @Override
  public int write(ByteBuffer bytes) throws IOException {
    int written = file.write(bytes);
    sinceSync += written;
    if (sinceSync >= STEP && sync.isDone()) {
      awaitSync();
      sinceSync = 0;
      sync = SYNCS.submit(this::syncNow);
    }
    return written;
  }

  /** Returns once every byte written so far is on disk. */
  void force() throws IOException {
    awaitSync();
    file.force(false);
    sinceSync = 0;
  }

  private Void syncNow() {
    try {
      file.force(false);
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitSync() throws IOException {
    try {
      sync.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("syncing an upload to disk failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while syncing an upload to disk", e);
    }
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  /** Closes the file; a sync still running ends with it, and its outcome no longer matters. */
  @Override
  public void close() throws IOException {
    file.close();
  }
}
