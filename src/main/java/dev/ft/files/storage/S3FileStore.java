package dev.ft.files.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects in an S3 bucket: {@code <prefix>files/<owner>/<uuid>}. A pending blob is a
 * multipart upload under its final key, invisible until completed; a download of a range is a
 * ranged GET. A resumable upload's part lives in the bucket too, under {@code <prefix>uploads/}
 * ({@link S3ResumablePart}), so any node takes its next piece.
 */
public final class S3FileStore implements FileStore, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(S3FileStore.class.getName());

  private final S3Client s3;
  private final S3Settings settings;
  private final String files;
  private final String uploads;
  private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

  private final UploadWriters writers;

  S3FileStore(S3Settings settings, UploadWriters writers) {
    this.settings = settings;
    this.writers = writers;
    this.s3 = client(settings);
    this.files = settings.prefix() + "files/";
    this.uploads = settings.prefix() + "uploads/";
    requireBucket();
  }

  /** A missing bucket or wrong credentials stop the start with one line that says which. */
  private void requireBucket() {
    try {
      s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (SdkException e) {
      s3.close();
      String where = settings.endpoint().map(Object::toString).orElse("AWS " + settings.region());
      String why =
          e instanceof S3Exception answer
              ? switch (answer.statusCode()) {
                case 404 -> "it does not exist";
                case 301, 400 -> "it lies in another region than FT_S3_REGION";
                case 401, 403 -> "the credentials were refused";
                default -> "S3 answered " + answer.statusCode();
              }
              : e.getMessage();
      throw new IllegalStateException(
          "Cannot use the S3 bucket " + settings.bucket() + " at " + where + ": " + why, e);
    }
  }

  private static S3Client client(S3Settings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofMinutes(2)))
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            // Checksums only where S3 demands them: the bytes are hashed with SHA-256 on the way
            // anyway, and S3-compatible stores differ in the trailing checksums they accept.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    settings.endpoint().ifPresent(builder::endpointOverride);
    if (settings.accessKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(
                  settings.accessKey().get(), settings.secretKey().orElseThrow())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  @Override
  public PendingBlob create(String owner) {
    String key = BlobKeys.fresh(owner);
    return new S3Upload(
        s3, settings.bucket(), files + key, key, settings.partSize(), sender, writers);
  }

  @Override
  public S3ResumablePart part(String id) throws IOException {
    if (id == null || !PartFolder.PART_ID.matcher(id).matches()) {
      throw new NoSuchFileException(String.valueOf(id));
    }
    return new S3ResumablePart(s3, settings.bucket(), uploads + id, settings.partSize());
  }

  @Override
  public void deletePart(String id) {
    try {
      part(id).discard();
    } catch (IOException | SdkException e) {
      LOG.log(Level.WARNING, "Could not delete upload part {0}: {1}", new Object[] {id, e});
    }
  }

  /** The ids named by the objects and the multipart uploads under {@code uploads/}. */
  @Override
  public Set<String> partIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try {
      s3
          .listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(uploads))
          .contents()
          .stream()
          .map(S3Object::key)
          .forEach(key -> ids.add(partId(key)));
      s3
          .listMultipartUploadsPaginator(b -> b.bucket(settings.bucket()).prefix(uploads))
          .uploads()
          .stream()
          .map(MultipartUpload::key)
          .forEach(key -> ids.add(partId(key)));
    } catch (SdkException e) {
      throw new IOException(
          "Cannot list the unfinished resumable uploads in " + settings.bucket(), e);
    }
    return ids;
  }

  private String partId(String key) {
    String name = key.substring(uploads.length());
    int tail = name.indexOf('.');
    return tail < 0 ? name : name.substring(0, tail);
  }

  @Override
  public String promote(PendingBlob blob, String owner) throws IOException {
    if (blob instanceof S3Upload upload) {
      if (!upload.storeKey().startsWith(owner + "/")) {
        throw new IllegalArgumentException("A blob begun for one owner is promoted for another");
      }
      upload.complete();
      return upload.storeKey();
    }
    // A resumable upload's part, read whole already (its digest): copied inside the bucket.
    String key = BlobKeys.fresh(owner);
    ((S3ResumablePart) blob).moveTo(files + key);
    return key;
  }

  @Override
  public long size(String key) throws IOException {
    String object = objectKey(key);
    try {
      return s3.headObject(b -> b.bucket(settings.bucket()).key(object)).contentLength();
    } catch (SdkException e) {
      throw failure(key, e);
    }
  }

  @Override
  public InputStream read(String key, long first, long length) throws IOException {
    if (length == 0) {
      size(key); // still says when the blob is gone
      return InputStream.nullInputStream();
    }
    String object = objectKey(key);
    String range = "bytes=" + first + "-" + (first + length - 1);
    try {
      return new RangeStream(
          s3.getObject(b -> b.bucket(settings.bucket()).key(object).range(range)), length);
    } catch (SdkException e) {
      throw failure(key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      String object = objectKey(key);
      s3.deleteObject(b -> b.bucket(settings.bucket()).key(object));
    } catch (SdkException | NoSuchFileException e) {
      LOG.log(Level.WARNING, "Could not delete blob {0}: {1}", new Object[] {key, e.toString()});
    }
  }

  @Override
  public Set<String> keysWrittenBefore(Instant before) throws IOException {
    Set<String> keys = new HashSet<>();
    try {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(files)).contents()) {
        if (object.lastModified().isBefore(before)) {
          keys.add(object.key().substring(files.length()));
        }
      }
    } catch (SdkException e) {
      throw new IOException("Cannot list the bucket " + settings.bucket(), e);
    }
    return keys;
  }

  /**
   * Aborts the multipart uploads begun before {@code before}, and those whose writer left the
   * cluster: a crash left them, and S3 would keep (and bill) their parts for ever.
   */
  @Override
  public void removePending(Instant before) throws IOException {
    try {
      for (MultipartUpload upload :
          s3.listMultipartUploadsPaginator(b -> b.bucket(settings.bucket()).prefix(files))
              .uploads()) {
        if (upload.initiated().isBefore(before) || writers.writerIsGone(upload.uploadId())) {
          s3.abortMultipartUpload(
              b -> b.bucket(settings.bucket()).key(upload.key()).uploadId(upload.uploadId()));
          writers.ended(upload.uploadId());
          LOG.info(() -> "Aborted the unfinished S3 upload of " + upload.key());
        }
      }
    } catch (SdkException e) {
      throw new IOException("Cannot list the unfinished uploads in " + settings.bucket(), e);
    }
  }

  @Override
  public OptionalLong freeSpace() {
    return OptionalLong.empty();
  }

  @Override
  public boolean isWritable() {
    try {
      s3.headBucket(b -> b.bucket(settings.bucket()));
      return true;
    } catch (SdkException e) {
      LOG.log(Level.FINE, "The bucket does not answer", e);
      return false;
    }
  }

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public void close() {
    sender.shutdownNow();
    s3.close();
  }

  private String objectKey(String key) throws NoSuchFileException {
    return files + BlobKeys.require(key);
  }

  private static IOException failure(String key, SdkException e) {
    if (e instanceof S3Exception s3 && s3.statusCode() == 404) {
      return new NoSuchFileException(key);
    }
    return new IOException("S3 failed on " + key, e);
  }

  /**
   * A ranged GET's body. Closed before its end (the client went away), the connection is dropped
   * rather than drained of what remains of a large range.
   */
  private static final class RangeStream extends FilterInputStream {
    private final ResponseInputStream<GetObjectResponse> response;
    private long remaining;

    RangeStream(ResponseInputStream<GetObjectResponse> response, long length) {
      super(response);
      this.response = response;
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      if (remaining > 0) {
        response.abort();
      }
      super.close();
    }
  }
}
