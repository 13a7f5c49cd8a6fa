package dev.ft.client;

import jakarta.json.JsonObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Uploads from disk and downloads to disk in constant memory. Downloads go to a hidden {@code
 * .NAME.part} file that is renamed only once its SHA-256 matches the server's {@code Repr-Digest};
 * an interrupted download resumes from the part with a Range request.
 */
public final class Transfers {
  private static final int BUFFER = 256 * 1024;

  private final ServerClient client;
  private final boolean quiet;
  private final PrintWriter out;

  public Transfers(ServerClient client, boolean quiet, PrintWriter out) {
    this.client = client;
    this.quiet = quiet;
    this.out = out;
  }

  /** PUTs a local file, announcing its SHA-256 so the server refuses damaged bytes. */
  public JsonObject upload(Session session, String apiPath, Path file) {
    long size = sizeOf(file);
    String digest = "sha-256=:" + Base64.getEncoder().encodeToString(sha256Of(file)) + ":";
    try (Progress progress =
        Progress.start("uploaded", file.getFileName().toString(), size, quiet, out)) {
      // fromPublisher refuses a length of 0; an empty file is sent as an empty body
      HttpRequest.BodyPublisher body =
          size == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.fromPublisher(
                  HttpRequest.BodyPublishers.ofInputStream(() -> counting(open(file), progress)),
                  size);
      JsonObject stored =
          client
              .json(
                  client
                      .request(apiPath, session)
                      .PUT(body)
                      .header("Content-Digest", digest)
                      .build())
              .asJsonObject();
      progress.done(size);
      return stored;
    }
  }

  /** GETs a file into {@code dir/name}; never replaces an existing file unless told to. */
  public Path download(Session session, String apiPath, Path dir, String name, boolean overwrite) {
    return download(() -> client.request(apiPath, session), dir, name, overwrite);
  }

  /**
   * GETs a file into {@code dir/name} with requests from {@code requests} (one per attempt),
   * resuming a part left by an interrupted run.
   */
  public Path download(
      Supplier<HttpRequest.Builder> requests, Path dir, String name, boolean overwrite) {
    try {
      return fetch(requests, dir, name, overwrite);
    } catch (ServerClient.ServerFailure e) {
      if (e.status() != 416) {
        throw e;
      }
      discardPart(dir, name); // the part no longer fits the file on the server: start over
      return fetch(requests, dir, name, overwrite);
    }
  }

  private static void discardPart(Path dir, String name) {
    try {
      Files.deleteIfExists(dir.resolve("." + name + ".part"));
      Files.deleteIfExists(dir.resolve("." + name + ".part.etag"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path fetch(
      Supplier<HttpRequest.Builder> requests, Path dir, String name, boolean overwrite) {
    requireLocalName(name);
    Path target = dir.resolve(name);
    if (Files.exists(target) && !overwrite) {
      throw new Failure(Failure.CONFLICT, target + " exists: add --overwrite to replace it");
    }
    Path part = dir.resolve("." + name + ".part");
    Path etagFile = dir.resolve("." + name + ".part.etag");
    try {
      Files.createDirectories(dir);
      long have = Files.exists(part) ? Files.size(part) : 0;
      Optional<String> etag =
          have > 0 && Files.exists(etagFile)
              ? Optional.of(Files.readString(etagFile))
              : Optional.empty();
      HttpRequest.Builder request = requests.get().GET();
      etag.ifPresent(tag -> request.header("Range", "bytes=" + have + "-").header("If-Range", tag));
      HttpResponse<InputStream> response = client.send(request.build());
      boolean resumed = response.statusCode() == 206;
      long total =
          response.headers().firstValueAsLong("Content-Length").orElse(-1) + (resumed ? have : 0);
      String expected = response.headers().firstValue("Repr-Digest").orElse(null);
      Files.writeString(etagFile, response.headers().firstValue("ETag").orElse(""));
      MessageDigest sha256 = sha256();
      if (resumed) {
        hashInto(sha256, part);
      }
      try (Progress progress = Progress.start("downloaded", name, total, quiet, out);
          InputStream in = response.body();
          OutputStream file =
              Files.newOutputStream(
                  part,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        if (resumed) {
          progress.skip(have);
        }
        copy(in, file, sha256, progress);
        file.close();
        checkDigest(expected, sha256.digest(), part, etagFile);
        Files.move(
            part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(etagFile);
        progress.done(total);
      }
      return target;
    } catch (IOException e) {
      throw new Failure(
          Failure.NETWORK,
          "download of '"
              + name
              + "' interrupted: "
              + ServerClient.describe(e)
              + "; run the same command again to resume");
    }
  }

  private static void copy(
      InputStream in, OutputStream file, MessageDigest sha256, Progress progress)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      file.write(buffer, 0, n);
      sha256.update(buffer, 0, n);
      progress.add(n);
    }
  }

  private static void checkDigest(String header, byte[] actual, Path part, Path etagFile)
      throws IOException {
    String got = "sha-256=:" + Base64.getEncoder().encodeToString(actual) + ":";
    if (header != null && !header.contains(got)) {
      Files.deleteIfExists(part);
      Files.deleteIfExists(etagFile);
      throw new Failure(
          Failure.SERVER,
          "the downloaded bytes do not match the server's SHA-256 ("
              + HexFormat.of().formatHex(actual)
              + "); nothing was kept");
    }
  }

  public static void requireLocalName(String name) {
    if (name.isEmpty()
        || name.contains("/")
        || name.contains("\\")
        || name.equals(".")
        || name.equals("..")
        || name.chars().anyMatch(c -> c < 0x20)) {
      throw new Failure(Failure.USAGE, "'" + name + "' cannot be a local file name");
    }
  }

  private static long sizeOf(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
      return Files.size(file);
    } catch (IOException e) {
      Path dir = file.toAbsolutePath().getParent();
      throw new Failure(Failure.NOT_FOUND, "file '" + file.getFileName() + "' not found in " + dir);
    }
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream counting(InputStream in, Progress progress) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          progress.add(n);
        }
        return n;
      }
    };
  }

  static byte[] sha256Of(Path file) {
    MessageDigest sha256 = sha256();
    try {
      hashInto(sha256, file);
    } catch (IOException e) {
      throw new Failure(Failure.NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
    }
    return sha256.digest();
  }

  private static void hashInto(MessageDigest sha256, Path file) throws IOException {
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha256.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
