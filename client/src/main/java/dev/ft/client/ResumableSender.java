package dev.ft.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Uploads a file with tus in pieces, and picks an interrupted upload up where the server says it
 * stopped. What it needs to go on (the upload's URL, the local file's size and modification time)
 * is kept in {@code uploads/} of the config folder, readable by the user only, until the upload
 * completes; a local file that changed meanwhile starts over.
 */
public final class ResumableSender {
  /** Pieces of 8 MiB, or a quarter of a smaller file (at least 1 MiB): what a cut loses at most. */
  static final int MAX_PIECE = 8 * 1024 * 1024;

  static final int MIN_PIECE = 1024 * 1024;

  /** How often a refused piece is tried again: pauses of 0.2 s doubling to 5 s, 56 s in all. */
  private static final int RETRIES = 15;

  private static final String FOLDER = "uploads";

  private final ServerClient client;
  private final Path configDir;
  private final boolean quiet;
  private final java.io.PrintWriter out;

  public ResumableSender(
      ServerClient client, Path configDir, boolean quiet, java.io.PrintWriter out) {
    this.client = client;
    this.configDir = configDir;
    this.quiet = quiet;
    this.out = out;
  }

  /** Uploads {@code file} as {@code name}; answers the stored file's metadata. */
  public JsonObject upload(
      Session session, Path file, String name, boolean overwrite, boolean resume) {
    long size = size(file);
    long modified = modified(file);
    Path state = stateFile(session, file, name);
    Optional<URI> earlier = resume ? earlier(state, size, modified) : Optional.empty();
    long offset = 0;
    URI upload = null;
    if (earlier.isPresent()) {
      Optional<Long> held = offsetOf(session, earlier.get());
      if (held.isPresent()) {
        upload = earlier.get();
        offset = held.get();
      }
    }
    if (upload == null) {
      upload = create(session, name, size, overwrite);
      save(state, upload, size, modified);
    }
    try (Progress progress = Progress.start("uploaded", name, size, quiet, out)) {
      progress.skip(offset);
      if (offset > 0 && !quiet) {
        out.println("resuming " + name + " at " + Sizes.human(offset) + " of " + Sizes.human(size));
      }
      try {
        sendFrom(session, upload, file, offset, size, progress);
      } catch (AnswerLost e) {
        delete(state);
        if (!e.lastPiece) {
          throw e;
        }
        JsonObject stored = storedIfSame(session, name, file, e);
        progress.done(size);
        return stored;
      }
      delete(state);
      progress.done(size);
    }
    return storedFile(session, name);
  }

  /**
   * The last piece's answer was lost and the server no longer knows the upload: it most likely
   * stored the file. Answers the stored file if its SHA-256 is the local file's.
   */
  private JsonObject storedIfSame(Session session, String name, Path file, AnswerLost lost) {
    String local = HexFormat.of().formatHex(Transfers.sha256Of(file));
    try {
      JsonObject stored = storedFile(session, name);
      if (local.equals(stored.getString("sha256", ""))) {
        return stored;
      }
    } catch (Failure e) {
      // not stored: the upload ended otherwise
    }
    throw lost;
  }

  private URI create(Session session, String name, long size, boolean overwrite) {
    HttpResponse<InputStream> created =
        client.send(
            client
                .request("/uploads", session)
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(size))
                .header(
                    "Upload-Metadata",
                    "filename " + b64(name) + (overwrite ? ",overwrite " + b64("true") : ""))
                .build());
    close(created);
    return client.server().resolve(created.headers().firstValue("Location").orElseThrow());
  }

  /** The offset the server holds, or empty when it no longer knows the upload. */
  private Optional<Long> offsetOf(Session session, URI upload) {
    try {
      HttpResponse<InputStream> head =
          client.send(
              authorized(HttpRequest.newBuilder(upload), session)
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .header("Tus-Resumable", "1.0.0")
                  .build());
      close(head);
      return head.headers().firstValue("Upload-Offset").map(Long::parseLong);
    } catch (ServerClient.ServerFailure e) {
      if (e.status() == 404 || e.status() == 410) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Sends the file from {@code offset} on, piece by piece. The next piece is read and hashed on a
   * second thread while the current one travels, so reading, hashing and sending overlap (two
   * pieces in memory at most).
   */
  private void sendFrom(
      Session session, URI upload, Path file, long offset, long size, Progress progress) {
    if (offset == size && size > 0) {
      return; // the server has it all
    }
    int pieceSize = (int) Math.min(MAX_PIECE, Math.max(MIN_PIECE, size / 4));
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "ft-piece-reader");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<Piece> next = reader.submit(() -> Piece.read(file, offset, pieceSize, size));
      long position = offset;
      do {
        Piece piece = awaitPiece(next);
        long end = piece.offset() + piece.bytes().length;
        if (end < size) {
          next = reader.submit(() -> Piece.read(file, end, pieceSize, size));
        }
        position = send(session, upload, piece, size, progress);
        if (position != end && position < size) { // the server holds another offset: go by it
          next.cancel(true);
          long from = position;
          next = reader.submit(() -> Piece.read(file, from, pieceSize, size));
        }
      } while (position < size);
    } finally {
      reader.shutdownNow();
    }
  }

  private static Piece awaitPiece(Future<Piece> piece) {
    try {
      return piece.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(Failure.USAGE, "interrupted");
    }
  }

  /** One PATCH's worth of the file, with its checksum. */
  private record Piece(long offset, byte[] bytes, String checksum) {
    static Piece read(Path file, long offset, int pieceSize, long size) {
      byte[] bytes = new byte[(int) Math.min(pieceSize, size - offset)];
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        channel.position(offset);
        try (InputStream in = Channels.newInputStream(channel)) {
          if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
            throw new Failure(Failure.USAGE, file + " changed while it was being uploaded");
          }
        }
      } catch (IOException e) {
        throw new Failure(Failure.NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
      }
      return new Piece(offset, bytes, Base64.getEncoder().encodeToString(sha256(bytes)));
    }

    /** No bytes at the end: asks the server to store a file whose every byte it holds. */
    static Piece end(long size) {
      return new Piece(size, new byte[0], Base64.getEncoder().encodeToString(sha256(new byte[0])));
    }
  }

  /**
   * Sends one piece; answers the offset the server holds after it. Some refusals pass: a 409 says
   * the server holds another offset, or that another piece of this upload is still arriving (the
   * one a run that was cut off left, until the server notices its client is gone, or one a node
   * that died held until the others notice); a 502, 503 or 504, or a broken connection, that the
   * node behind a balancer went away. So ft asks for the offset again, after a pause that grows,
   * and goes on from there; only a piece that stays refused for about a minute ends the run.
   *
   * <p>An answer lost after the last byte went in leaves two states. The server may have stored the
   * file and ended the upload (it no longer knows it: {@link AnswerLost}, and the caller checks the
   * stored file); or it holds every byte but did not store the file, and an empty piece at the end
   * asks it to try again, whose refusal (a name taken meanwhile) is then the answer.
   */
  private long send(Session session, URI upload, Piece piece, long size, Progress progress) {
    Piece current = piece;
    Failure failure = null;
    for (int attempt = 0; attempt <= RETRIES; attempt++) {
      try {
        if (failure != null) {
          pause(Math.min(5000, 200L << (attempt - 1)));
          long held = offsetOf(session, upload).orElseThrow(() -> new AnswerLost(piece, size));
          if (held == size && current.offset() != size) {
            current = Piece.end(size);
          } else if (held != current.offset()) {
            return held;
          }
        }
        return sendOnce(session, upload, current, progress);
      } catch (AnswerLost e) {
        throw e;
      } catch (Failure e) {
        if (!passes(e) || refusedAtTheEnd(e, current, size)) {
          throw e;
        }
        failure = e;
      }
    }
    throw failure;
  }

  /** Every byte is there and the server still would not store the file, e.g. its name is taken. */
  private static boolean refusedAtTheEnd(Failure failure, Piece piece, long size) {
    return piece.offset() == size
        && failure instanceof ServerClient.ServerFailure answer
        && answer.status() == 409
        && !answer.passing();
  }

  /** The server no longer knows an upload whose piece it did not answer. */
  private static final class AnswerLost extends Failure {
    private final boolean lastPiece;

    AnswerLost(Piece piece, long size) {
      super(
          Failure.SERVER,
          "the server no longer knows this upload (it expired or was cancelled); run again to start"
              + " over");
      this.lastPiece = piece.offset() + piece.bytes().length == size;
    }
  }

  private static boolean passes(Failure failure) {
    if (failure instanceof ServerClient.ServerFailure answer) {
      return List.of(409, 502, 503, 504).contains(answer.status());
    }
    return failure.exitCode() == Failure.NETWORK;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(Failure.USAGE, "interrupted");
    }
  }

  private long sendOnce(Session session, URI upload, Piece piece, Progress progress) {
    HttpResponse<InputStream> sent =
        client.send(
            authorized(HttpRequest.newBuilder(upload), session)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(piece.bytes()))
                .header("Tus-Resumable", "1.0.0")
                .header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", Long.toString(piece.offset()))
                .header("Upload-Checksum", "sha256 " + piece.checksum())
                .build());
    close(sent);
    progress.add(piece.bytes().length);
    long end = piece.offset() + piece.bytes().length;
    return sent.headers().firstValue("Upload-Offset").map(Long::parseLong).orElse(end);
  }

  private JsonObject storedFile(Session session, String name) {
    return client.json(client.request("/files", session).GET().build()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(f -> f.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new Failure(Failure.SERVER, "the server did not keep " + name));
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, Session session) {
    return request.header("Authorization", "Bearer " + session.token());
  }

  // ---- what is kept between runs

  private Path stateFile(Session session, Path file, String name) {
    String id =
        HexFormat.of()
            .formatHex(
                sha256(
                    (session.server()
                            + "\n"
                            + session.username()
                            + "\n"
                            + file.toAbsolutePath().normalize()
                            + "\n"
                            + name)
                        .getBytes(StandardCharsets.UTF_8)))
            .substring(0, 32);
    return configDir.resolve(FOLDER).resolve(id + ".properties");
  }

  private static Optional<URI> earlier(Path state, long size, long modified) {
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(state)) {
      p.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    boolean same =
        Long.toString(size).equals(p.getProperty("size"))
            && Long.toString(modified).equals(p.getProperty("modified"));
    return same ? Optional.ofNullable(p.getProperty("url")).map(URI::create) : Optional.empty();
  }

  private static void save(Path state, URI upload, long size, long modified) {
    try {
      Files.createDirectories(state.getParent());
      Files.setPosixFilePermissions(
          state.getParent(), PosixFilePermissions.fromString("rwx------"));
      Properties p = new Properties();
      p.setProperty("url", upload.toString());
      p.setProperty("size", Long.toString(size));
      p.setProperty("modified", Long.toString(modified));
      Files.deleteIfExists(state);
      Files.createFile(
          state,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (var out = Files.newOutputStream(state)) {
        p.store(out, "ft: an unfinished upload");
      }
    } catch (IOException e) {
      throw new Failure(
          Failure.USAGE, "cannot keep the upload's state in " + state + ": " + e.getMessage());
    }
  }

  private static void delete(Path state) {
    try {
      Files.deleteIfExists(state);
    } catch (IOException e) {
      // a stale state file is harmless: the server no longer knows its upload, so it starts over
    }
  }

  private static long size(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new IOException("not a file");
      }
      return Files.size(file);
    } catch (IOException e) {
      throw new Failure(
          Failure.NOT_FOUND,
          "file '" + file.getFileName() + "' not found in " + file.toAbsolutePath().getParent());
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // nothing was expected in it
    }
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
