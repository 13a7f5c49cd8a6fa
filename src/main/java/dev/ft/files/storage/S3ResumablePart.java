package dev.ft.files.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A resumable upload's bytes in the bucket, where every node finds them, so that any node takes the
 * next piece. Whole parts go into a multipart upload under {@code <prefix>uploads/<id>}; the bytes
 * short of a whole part wait as one object {@code <prefix>uploads/<id>.tail-<offset>}, named by the
 * offset they reach, so that a piece that breaks off or fails never overwrites the tail the
 * acknowledged offset needs. One part at most is held in memory.
 *
 * <p>A part that a failed piece sent beyond the acknowledged offset stays in the multipart upload
 * until a later piece sends that part again; the upload cannot end before one has.
 */
final class S3ResumablePart implements FileStore.ResumablePart {
  /** The largest part S3 copies in one request. */
  private static final long MAX_COPY_PART = 5L << 30;

  private static final String TAIL = ".tail-";

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final int partSize;
  private final WritableByteChannel channel = new PieceChannel();

  private byte[] buffer;
  private int filled;
  private long base = -1; // the offset the buffer begins at, a whole number of parts
  private String uploadId;
  private long staged = -1; // the length read whole, once read() has staged it

  S3ResumablePart(S3Client s3, String bucket, String key, int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.partSize = partSize;
  }

  /**
   * Loads the tail that {@code offset} needs, and drops the tails of smaller offsets: the offset
   * moved past them. A tail beyond it (of a piece that failed) is written again if a piece reaches
   * its offset, and goes with the upload.
   */
  @Override
  public void resumeAt(long offset) throws IOException {
    base = offset - offset % partSize;
    filled = (int) (offset % partSize);
    if (buffer == null) {
      buffer = new byte[partSize];
    }
    try {
      if (filled > 0) {
        readTail(offset);
      }
      for (String stale : tailsBelow(offset)) {
        s3.deleteObject(b -> b.bucket(bucket).key(stale));
      }
    } catch (SdkException e) {
      throw new IOException("S3 did not give back the upload " + key, e);
    }
  }

  private void readTail(long offset) throws IOException {
    try (InputStream tail = s3.getObject(b -> b.bucket(bucket).key(tailKey(offset)))) {
      int n = tail.readNBytes(buffer, 0, filled);
      if (n != filled || tail.read() >= 0) {
        throw new IOException("the tail of " + key + " does not hold " + filled + " bytes");
      }
    } catch (NoSuchKeyException e) {
      throw new IOException("the upload " + key + " holds fewer bytes than its offset " + offset);
    }
  }

  @Override
  public WritableByteChannel channel() {
    if (base < 0) {
      throw new IllegalStateException("resumeAt comes first: it says where the piece begins");
    }
    return channel;
  }

  /** Keeps the bytes short of a whole part as the tail of the offset they reach. */
  @Override
  public void force() throws IOException {
    if (base < 0 || filled == 0) {
      return; // whole parts are in S3 already
    }
    long reached = base + filled;
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(tailKey(reached)), RequestBody.fromBytes(bytes(filled)));
    } catch (SdkException e) {
      throw new IOException("S3 did not keep the last bytes of " + key, e);
    }
  }

  @Override
  public void finish() throws IOException {
    force();
  }

  /**
   * Completes the multipart upload with the first {@code length} bytes (the tail goes up as its
   * last part), so they are one object; a second call finds that object.
   */
  @Override
  public void seal(long length) throws IOException {
    try {
      if (stagedSize() != length) {
        stage(length);
      }
      staged = length;
    } catch (SdkException e) {
      throw new IOException("S3 did not complete the upload " + key, e);
    }
  }

  @Override
  public InputStream read(long length) throws IOException {
    seal(length);
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw new IOException("S3 did not give back the upload " + key, e);
    }
  }

  private long stagedSize() {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    } catch (NoSuchKeyException e) {
      return -1;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return -1;
      }
      throw e;
    }
  }

  private void stage(long length) throws IOException {
    resumeAt(length);
    int parts = (int) (length / partSize);
    if (parts == 0) {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes(filled)));
      return;
    }
    String id = uploadId();
    if (filled > 0) {
      uploadPart(parts + 1, filled);
    }
    int last = filled > 0 ? parts + 1 : parts;
    List<CompletedPart> sent =
        s3.listPartsPaginator(b -> b.bucket(bucket).key(key).uploadId(id)).parts().stream()
            .filter(part -> part.partNumber() <= last)
            .sorted(Comparator.comparing(Part::partNumber))
            .map(
                part ->
                    CompletedPart.builder().partNumber(part.partNumber()).eTag(part.eTag()).build())
            .toList();
    if (sent.size() != last) {
      throw new IOException(
          "the upload " + key + " holds " + sent.size() + " of its " + last + " parts");
    }
    s3.completeMultipartUpload(
        b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(sent)));
    uploadId = null;
  }

  /**
   * Copies the staged bytes to {@code objectKey} inside the bucket, in parts of at most what S3
   * copies at once. The upload's own bytes stay until {@link #discard}, once the file is recorded.
   */
  void moveTo(String objectKey) throws IOException {
    if (staged < 0) {
      throw new IOException("the upload " + key + " was never sealed");
    }
    try {
      if (staged == 0) {
        s3.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.empty());
      } else {
        copy(staged, objectKey);
      }
    } catch (SdkException e) {
      throw new IOException("S3 did not copy the upload " + key + " to " + objectKey, e);
    }
  }

  private void copy(long size, String objectKey) {
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      for (long first = 0; first < size; first += MAX_COPY_PART) {
        int number = parts.size() + 1;
        String range = "bytes=" + first + "-" + (Math.min(size, first + MAX_COPY_PART) - 1);
        String etag =
            s3.uploadPartCopy(
                    b ->
                        b.sourceBucket(bucket)
                            .sourceKey(key)
                            .copySourceRange(range)
                            .destinationBucket(bucket)
                            .destinationKey(objectKey)
                            .uploadId(id)
                            .partNumber(number))
                .copyPartResult()
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          b -> b.bucket(bucket).key(objectKey).uploadId(id).multipartUpload(m -> m.parts(parts)));
    } catch (SdkException e) {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(id));
      throw e;
    }
  }

  /** Removes the multipart upload, the staged object and every tail. */
  @Override
  public void discard() {
    for (MultipartUpload upload :
        s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(key)).uploads()) {
      if (upload.key().equals(key)) {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload.uploadId()));
      }
    }
    s3.deleteObject(b -> b.bucket(bucket).key(key));
    for (String tail : tailsBelow(Long.MAX_VALUE)) {
      s3.deleteObject(b -> b.bucket(bucket).key(tail));
    }
  }

  /** Lets the part buffer go; the bytes stay in the bucket for the next piece. */
  @Override
  public void close() {
    buffer = null;
    base = -1;
  }

  private String tailKey(long offset) {
    return key + TAIL + offset;
  }

  private List<String> tailsBelow(long offset) {
    String prefix = key + TAIL;
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .filter(tail -> Long.parseLong(tail.substring(prefix.length())) < offset)
        .toList();
  }

  /** The multipart upload whole parts go into, begun by the first piece that fills one. */
  private String uploadId() {
    if (uploadId == null) {
      uploadId =
          s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(key)).uploads().stream()
              .filter(upload -> upload.key().equals(key))
              .map(MultipartUpload::uploadId)
              .findFirst()
              .orElseGet(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId());
    }
    return uploadId;
  }

  private void uploadPart(int number, int length) {
    String id = uploadId();
    byte[] bytes = buffer;
    s3.uploadPart(
        b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number).contentLength((long) length),
        RequestBody.fromContentProvider(
            () -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream"));
  }

  private byte[] bytes(int length) {
    return Arrays.copyOf(buffer, length);
  }

  /** Fills the part buffer and sends each full one as the part its offset falls in. */
  private final class PieceChannel implements WritableByteChannel {
    @Override
    public int write(ByteBuffer source) throws IOException {
      int written = 0;
      while (source.hasRemaining()) {
        int n = Math.min(source.remaining(), partSize - filled);
        source.get(buffer, filled, n);
        filled += n;
        written += n;
        if (filled == partSize) {
          try {
            uploadPart((int) (base / partSize) + 1, partSize);
          } catch (SdkException e) {
            throw new IOException("S3 did not take a part of " + key, e);
          }
          base += partSize;
          filled = 0;
        }
      }
      return written;
    }

    @Override
    public boolean isOpen() {
      return buffer != null;
    }

    @Override
    public void close() {
      // the bytes stay for the next piece
    }
  }
}
