package dev.ft.files.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A pending blob as a file of its own, removed unless it is promoted; either way {@code ended} is
 * told once.
 */
class PendingFile implements FileStore.PendingBlob {
  private static final Logger LOG = Logger.getLogger(PendingFile.class.getName());

  final Path path;
  final FileChannel channel;
  final WriteBehind writes;
  private final Runnable ended;
  private volatile boolean promoted;
  private volatile boolean discarded;

  PendingFile(Path path, FileChannel channel, Runnable ended) {
    this.path = path;
    this.channel = channel;
    this.writes = new WriteBehind(channel);
    this.ended = ended;
  }

  @Override
  public WritableByteChannel channel() {
    return writes;
  }

  @Override
  public void finish() throws IOException {
    if (channel.isOpen()) {
      writes.force();
      channel.close();
    }
  }

  /** The bytes now live under another name: discarding must not touch them. */
  void promoted() {
    promoted = true;
    ended.run();
  }

  @Override
  public void discard() {
    if (promoted || discarded) {
      return;
    }
    discarded = true;
    ended.run();
    closeQuietly(channel);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(
          Level.WARNING, "Could not remove the unfinished upload {0}: {1}", new Object[] {path, e});
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing a blob failed", e);
    }
  }
}
