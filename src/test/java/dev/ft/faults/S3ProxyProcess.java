package dev.ft.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * s3proxy, a real S3 implementation, as {@code payara/s3proxy} runs it over a folder: the store of
 * the servers under test, and a client to look into its buckets.
 */
final class S3ProxyProcess implements AutoCloseable {
  private static final String ACCESS_KEY = "ft-test-access";
  private static final String SECRET_KEY = "ft-test-secret";

  private final Path folder;
  private final int port;
  private final List<String> buckets;
  private Process process;
  private S3Client client;

  S3ProxyProcess(Path folder, int port, String... buckets) {
    this.folder = folder;
    this.port = port;
    this.buckets = List.of(buckets);
  }

  S3ProxyProcess start() throws IOException {
    java.nio.file.Files.createDirectories(folder);
    ProcessBuilder builder =
        new ProcessBuilder(
                Stream.concat(
                        Stream.of("payara/s3proxy", folder.toString(), Integer.toString(port)),
                        buckets.stream())
                    .toList())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    folder.resolveSibling("s3proxy-" + port + ".log").toFile()));
    builder.environment().put("FT_S3_ACCESS_KEY", ACCESS_KEY);
    builder.environment().put("FT_S3_SECRET_KEY", SECRET_KEY);
    process = builder.start();
    client =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .endpointOverride(endpoint())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .failFast("payara/s3proxy exited", () -> !process.isAlive())
        .until(
            () ->
                client.listBuckets().buckets().stream()
                    .map(Bucket::name)
                    .toList()
                    .containsAll(buckets));
    return this;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** What a server needs to store its files in {@code bucket}. */
  Map<String, String> storeSettings(String bucket) {
    return Map.of(
        "FT_STORAGE", "s3",
        "FT_S3_BUCKET", bucket,
        "FT_S3_ENDPOINT", endpoint().toString(),
        "FT_S3_ACCESS_KEY", ACCESS_KEY,
        "FT_S3_SECRET_KEY", SECRET_KEY);
  }

  S3Client client() {
    return client;
  }

  /** Multipart uploads begun in {@code bucket} and neither completed nor aborted. */
  int unfinishedUploads(String bucket) {
    return client.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
  }

  @Override
  public void close() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
