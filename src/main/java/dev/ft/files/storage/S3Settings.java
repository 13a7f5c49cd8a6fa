package dev.ft.files.storage;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The S3 store's settings ({@code FT_S3_*}), checked at start so that a mistake stops the server
 * with one clear line instead of failing the first upload.
 */
record S3Settings(
    String bucket,
    Optional<URI> endpoint,
    String region,
    boolean pathStyle,
    String prefix,
    Optional<String> accessKey,
    Optional<String> secretKey,
    int partSize) {

  static final int MIN_PART_SIZE = 8 << 20;
  static final int MAX_PART_SIZE = 64 << 20;

  /** S3 completes no multipart upload of more parts than this. */
  static final int MAX_PARTS = 10_000;

  /** The settings from {@code config}, which gives a key's value or nothing. */
  static S3Settings from(Function<String, Optional<String>> config) {
    String bucket =
        text(config, "ft.s3.bucket")
            .orElseThrow(() -> new IllegalArgumentException("FT_STORAGE=s3 needs FT_S3_BUCKET"));
    Optional<URI> endpoint = text(config, "ft.s3.endpoint").map(S3Settings::endpoint);
    String region = text(config, "ft.s3.region").orElse("us-east-1");
    boolean pathStyle =
        text(config, "ft.s3.path-style")
            .map(S3Settings::bool)
            .orElse(endpoint.isPresent()); // MinIO, Ceph and friends name the bucket in the path
    String prefix = text(config, "ft.s3.prefix").orElse("");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix += "/";
    }
    Optional<String> accessKey = text(config, "ft.s3.access-key");
    Optional<String> secretKey = text(config, "ft.s3.secret-key");
    if (accessKey.isPresent() != secretKey.isPresent()) {
      throw new IllegalArgumentException(
          "FT_S3_ACCESS_KEY and FT_S3_SECRET_KEY go together; set both, or neither for the"
              + " SDK's default credentials");
    }
    long maxFileSize =
        text(config, "ft.max-file-size").map(Long::parseLong).orElse(10L * 1024 * 1024 * 1024);
    int partSize = partSize(config, maxFileSize);
    return new S3Settings(
        bucket, endpoint, region, pathStyle, prefix, accessKey, secretKey, partSize);
  }

  /**
   * The configured part size, grown to whole MiB when the largest file would need more than S3's
   * 10,000 parts.
   */
  private static int partSize(Function<String, Optional<String>> config, long maxFileSize) {
    int configured = text(config, "ft.s3.part-size").map(S3Settings::bytes).orElse(MIN_PART_SIZE);
    if (configured < MIN_PART_SIZE || configured > MAX_PART_SIZE) {
      throw new IllegalArgumentException(
          "FT_S3_PART_SIZE must lie between 8388608 (8 MiB) and 67108864 (64 MiB) bytes, not "
              + configured);
    }
    long needed = (maxFileSize + MAX_PARTS - 1) / MAX_PARTS;
    if (needed <= configured) {
      return configured;
    }
    long mib = 1 << 20;
    long grown = (needed + mib - 1) / mib * mib;
    if (grown > MAX_PART_SIZE) {
      throw new IllegalArgumentException(
          "FT_MAX_FILE_SIZE is larger than S3 can hold in 10,000 parts of 64 MiB");
    }
    return (int) grown;
  }

  private static Optional<String> text(Function<String, Optional<String>> config, String name) {
    return config.apply(name).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static int bytes(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("FT_S3_PART_SIZE must be a number of bytes, not " + value);
    }
  }

  private static URI endpoint(String value) {
    URI uri = URI.create(value);
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "FT_S3_ENDPOINT must be an http(s) URL such as https://minio.example.org:9000, not "
              + value);
    }
    return uri;
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "FT_S3_PATH_STYLE must be true or false, not " + value);
    };
  }
}
