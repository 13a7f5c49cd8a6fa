package dev.ft.files.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A pending blob as an S3 multipart upload under its final key: parts go up as the bytes arrive,
 * and nothing is visible until {@link #complete} completes the upload. Discarding aborts it, so the
 * bucket keeps none of its bytes. Two part buffers: while one part goes up (on a thread of {@code
 * sender}), the next fills, so receiving does not wait for S3; a third part waits for the second.
 */
final class S3Upload implements FileStore.PendingBlob {
  private static final Logger LOG = Logger.getLogger(S3Upload.class.getName());

  private final S3Client s3;
  private final String bucket;
  private final String objectKey;
  private final String storeKey;
  private final int partSize;
  private final List<CompletedPart> parts = new ArrayList<>();
  private final WritableByteChannel channel = new PartChannel();
  private final Executor sender;
  private final UploadWriters writers;

  private byte[] buffer;
  private byte[] spare;
  private int filled;
  private CompletableFuture<Void> sending = CompletableFuture.completedFuture(null);
  private String uploadId;
  private boolean finished;
  private volatile boolean completed;
  private volatile boolean discarded;

  S3Upload(
      S3Client s3,
      String bucket,
      String objectKey,
      String storeKey,
      int partSize,
      Executor sender,
      UploadWriters writers) {
    this.s3 = s3;
    this.sender = sender;
    this.writers = writers;
    this.bucket = bucket;
    this.objectKey = objectKey;
    this.storeKey = storeKey;
    this.partSize = partSize;
  }

  /** The key the catalogue records once this upload is complete. */
  String storeKey() {
    return storeKey;
  }

  @Override
  public WritableByteChannel channel() {
    return channel;
  }

  /** Sends what the part buffer still holds as the last part, and lets the buffer go. */
  @Override
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    if (filled > 0) {
      sendPart();
    }
    awaitSent();
    buffer = null;
    spare = null;
    finished = true;
  }

  /** Makes the object appear under its key, whole: the one step that makes the bytes visible. */
  void complete() throws IOException {
    finish();
    try {
      if (uploadId == null) { // no byte arrived: S3 completes no upload without parts
        s3.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.empty());
      } else {
        s3.completeMultipartUpload(
            b ->
                b.bucket(bucket)
                    .key(objectKey)
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
      }
      completed = true;
      if (uploadId != null) {
        writers.ended(uploadId);
      }
    } catch (SdkException e) {
      throw new IOException("S3 did not complete the upload of " + objectKey, e);
    }
  }

  @Override
  public void discard() {
    if (completed || discarded) {
      return;
    }
    discarded = true;
    try {
      sending.join(); // a part on its way would otherwise land after the abort
    } catch (RuntimeException e) {
      // failed: nothing of it to remove
    }
    buffer = null;
    spare = null;
    if (uploadId != null) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        writers.ended(uploadId);
      } catch (SdkException e) {
        LOG.log(
            Level.WARNING,
            "Could not abort the S3 upload of {0}; the janitor removes it at the next start: {1}",
            new Object[] {objectKey, e.toString()});
      }
    }
  }

  /** Hands the full buffer to the sender, once the part before it is up, and fills the spare. */
  private void sendPart() throws IOException {
    awaitSent();
    try {
      if (uploadId == null) {
        uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId();
        writers.began(uploadId);
      }
    } catch (SdkException e) {
      throw new IOException("S3 did not begin the upload of " + objectKey, e);
    }
    int number = parts.size() + 1;
    byte[] bytes = buffer;
    int length = filled;
    sending = CompletableFuture.runAsync(() -> parts.add(upload(number, bytes, length)), sender);
    buffer = spare;
    spare = bytes; // free again once this part is up, which the next sendPart waits for
    filled = 0;
  }

  private CompletedPart upload(int number, byte[] bytes, int length) {
    String etag =
        s3.uploadPart(
                b ->
                    b.bucket(bucket)
                        .key(objectKey)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .contentLength((long) length),
                RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(bytes, 0, length),
                    length,
                    "application/octet-stream"))
            .eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  private void awaitSent() throws IOException {
    try {
      sending.join();
    } catch (CompletionException e) {
      throw new IOException(
          "S3 did not take part " + (parts.size() + 1) + " of " + objectKey, e.getCause());
    }
  }

  /** Fills the part buffer and sends each full one. */
  private final class PartChannel implements WritableByteChannel {
    @Override
    public int write(ByteBuffer source) throws IOException {
      if (finished || discarded) {
        throw new IOException("this upload is closed");
      }
      if (buffer == null) {
        buffer = new byte[partSize];
      }
      if (spare == null && filled + source.remaining() >= partSize) {
        spare = new byte[partSize]; // only an upload of more than one part needs two
      }
      int written = 0;
      while (source.hasRemaining()) {
        int n = Math.min(source.remaining(), partSize - filled);
        source.get(buffer, filled, n);
        filled += n;
        written += n;
        if (filled == partSize) {
          sendPart();
        }
      }
      return written;
    }

    @Override
    public boolean isOpen() {
      return !finished && !discarded;
    }

    @Override
    public void close() throws IOException {
      finish();
    }
  }
}
