package dev.ft.files.storage;

/** Bytes that arrived completely into a pending blob, with their size and SHA-256. */
public record ReceivedBlob(FileStore.PendingBlob blob, long size, String sha256)
    implements AutoCloseable {
  @Override
  public void close() {
    blob.discard();
  }
}
