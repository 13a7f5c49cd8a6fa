package dev.ft.files.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.WritableByteChannel;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where file bytes live. Bytes arrive into a {@link PendingBlob} that nobody can see; {@link
 * #promote} makes them permanent under a new key in one atomic step. Keys are generated, never
 * derived from user input, so no request can name a path.
 */
public interface FileStore {

  /** A blob being written; invisible until promoted, gone if discarded. */
  interface PendingBlob extends AutoCloseable {
    WritableByteChannel channel();

    /** Puts the bytes written so far on disk and closes the channel; the blob stays pending. */
    void finish() throws IOException;

    /** Removes the bytes unless they were promoted; safe to call more than once. */
    void discard();

    @Override
    default void close() {
      discard();
    }
  }

  /**
   * The bytes of a resumable upload so far, kept under the upload's id across requests and restarts
   * until promoted like any pending blob, or discarded.
   */
  interface ResumablePart extends PendingBlob {
    /** Drops every byte from {@code offset} on (never acknowledged), and writes on from there. */
    void resumeAt(long offset) throws IOException;

    /** Puts the bytes written so far on disk, and keeps writing. */
    void force() throws IOException;

    /**
     * Makes the first {@code length} bytes written (those acknowledged) the whole part, ready to be
     * promoted; fails when fewer were written.
     */
    void seal(long length) throws IOException;

    /** Seals the part at {@code length} bytes and reads them. */
    InputStream read(long length) throws IOException;
  }

  PendingBlob create(String owner) throws IOException;

  /**
   * The part of the resumable upload {@code id} (URL-safe base64), made empty if new: where its
   * pieces go until the last byte, on this store, so that every node that shares the store finds
   * it.
   */
  ResumablePart part(String id) throws IOException;

  /** Removes a resumable upload's part. */
  void deletePart(String id);

  /** The ids of every resumable upload's part, for removing those no upload names. */
  Set<String> partIds() throws IOException;

  /** Makes the pending bytes permanent under a fresh key for that owner, and returns the key. */
  String promote(PendingBlob blob, String owner) throws IOException;

  /** A stored blob's size; throws {@link java.nio.file.NoSuchFileException} when it is gone. */
  long size(String key) throws IOException;

  /**
   * Streams {@code length} bytes of a stored blob from byte {@code first} on, asking the store for
   * that range only. Once this returns, the stream reads to its end even when the blob is deleted
   * or replaced meanwhile; throws {@link java.nio.file.NoSuchFileException} when it is gone.
   */
  InputStream read(String key, long first, long length) throws IOException;

  void delete(String key);

  /** Every stored key, for checking metadata against storage. */
  default Set<String> keys() throws IOException {
    return keysWrittenBefore(Instant.MAX);
  }

  /** The stored keys last written before {@code before} ({@link Instant#MAX}: all of them). */
  Set<String> keysWrittenBefore(Instant before) throws IOException;

  /**
   * Removes the pending blobs begun (on the filesystem: last written) before {@code before}: what a
   * crash left behind.
   */
  void removePending(Instant before) throws IOException;

  /** Free bytes where new blobs go, when the store has such a bound (object storage has none). */
  OptionalLong freeSpace() throws IOException;

  /** True when a new blob could be written now. */
  boolean isWritable();

  /** What kind of store this is ({@code filesystem}, {@code s3}), for health and metrics. */
  String kind();
}
