package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Resumable uploads with tus 1.0.0: every status the protocol names, and the stored bytes. */
class TusIT extends ServerIT {
  private static final String TUS = "/api/v1/uploads";

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256Base64(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private Res create(Caller caller, long length, String metadata) {
    return api.createUpload(caller, length, metadata);
  }

  /** The path of a new upload of {@code name}. */
  private String upload(Caller caller, String name, long length) {
    Res created = create(caller, length, Api.metadata("filename", name));
    assertEquals(201, created.status(), created.toString());
    assertEquals("0", created.header("Upload-Offset"));
    assertEquals("1.0.0", created.header("Tus-Resumable"));
    return URI.create(created.header("Location")).getPath();
  }

  private Res patch(Caller caller, String path, long offset, byte[] piece, String... extra) {
    HttpRequest.Builder request =
        api.request(path)
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(piece))
            .header("Tus-Resumable", "1.0.0")
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", Long.toString(offset));
    for (int i = 0; i < extra.length; i += 2) {
      request.header(extra[i], extra[i + 1]);
    }
    return api.send(caller.sign(request));
  }

  private Res head(Caller caller, String path) {
    return api.send(
        caller.sign(
            api.request(path)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Tus-Resumable", "1.0.0")));
  }

  @Test
  void discoveryTellsWhatTheServerSpeaks() {
    Res options = api.send(api.request(TUS).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, options.status(), options.toString());
    assertEquals("1.0.0", options.header("Tus-Version"));
    assertTrue(options.header("Tus-Extension").contains("creation-with-upload"));
    assertTrue(options.header("Tus-Extension").contains("checksum"));
    assertEquals("sha256", options.header("Tus-Checksum-Algorithm"));
    assertEquals("8388608", options.header("Tus-Max-Size"), "the configured maximum file size");
  }

  @Test
  void piecesAtTheRightOffsetMakeTheFileAndEveryWrongOneIsRefused() throws Exception {
    Caller owner = api.register("tus");
    byte[] content = random(3_000_000, 1);
    String path = upload(owner, "movie.bin", content.length);
    byte[] first = Arrays.copyOfRange(content, 0, 1_000_000);
    byte[] second = Arrays.copyOfRange(content, 1_000_000, 2_000_000);
    byte[] last = Arrays.copyOfRange(content, 2_000_000, content.length);

    Res sent = patch(owner, path, 0, first, "Upload-Checksum", "sha256 " + sha256Base64(first));
    assertEquals(204, sent.status(), sent.toString());
    assertEquals("1000000", sent.header("Upload-Offset"));
    assertTrue(sent.header("Upload-Expires").endsWith("GMT"), sent.toString());
    Res offset = head(owner, path);
    assertEquals("1000000", offset.header("Upload-Offset"));
    assertEquals("3000000", offset.header("Upload-Length"));
    assertEquals("no-store", offset.header("Cache-Control"));

    assertProblem(patch(owner, path, 0, second), 409);
    assertProblem(
        api.send(
            owner.sign(
                api.request(path)
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(second))
                    .header("Tus-Resumable", "1.0.0")
                    .header("Content-Type", "application/octet-stream")
                    .header("Upload-Offset", "1000000"))),
        415);
    Res mismatch =
        patch(owner, path, 1_000_000, second, "Upload-Checksum", "sha256 " + sha256Base64(first));
    assertEquals(460, mismatch.status(), mismatch.toString());
    assertEquals("1000000", head(owner, path).header("Upload-Offset"), "nothing of it was kept");
    assertProblem(patch(owner, path, 1_000_000, random(2_000_001, 2)), 413);
    assertEquals("1000000", head(owner, path).header("Upload-Offset"), "nor of that");
    Res noVersion =
        api.send(
            owner.sign(
                api.request(path)
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(second))
                    .header("Content-Type", "application/offset+octet-stream")
                    .header("Upload-Offset", "1000000")));
    assertEquals(412, noVersion.status());
    assertEquals("1.0.0", noVersion.header("Tus-Version"));

    assertEquals(204, patch(owner, path, 1_000_000, second).status());
    assertEquals(
        200,
        api.get("/api/v1/uploads", owner).status(),
        "the caller's unfinished uploads are listed");
    assertTrue(api.get("/api/v1/uploads", owner).text().contains("movie.bin"));
    assertEquals(
        404, api.get(UploadsIT.file("movie.bin"), owner).status(), "invisible until complete");
    Res done = patch(owner, path, 2_000_000, last);
    assertEquals(204, done.status(), done.toString());
    assertEquals("3000000", done.header("Upload-Offset"));

    Res stored = api.get(UploadsIT.file("movie.bin"), owner);
    assertArrayEquals(content, stored.bytes());
    assertEquals(
        "\""
            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))
            + "\"",
        stored.header("ETag"));
    assertEquals(404, head(owner, path).status(), "a HEAD answers without a body");
    assertEquals("[]", api.get("/api/v1/uploads", owner).text());
  }

  @Test
  void creationChecksTheNameAndTheLimitsBeforeAnyByteIsSent() {
    Caller owner = api.register("tus");
    assertEquals(201, api.putBytes(UploadsIT.file("taken.txt"), owner, new byte[10]).status());
    assertProblem(create(owner, 10, Api.metadata("filename", "taken.txt")), 409);
    assertEquals(
        201,
        create(
                owner,
                10,
                Api.metadata("filename", "taken.txt") + "," + Api.metadata("overwrite", "true"))
            .status());
    assertProblem(create(owner, 10, Api.metadata("filetype", "text/plain")), 400);
    assertProblem(create(owner, 10, Api.metadata("filename", "a/b")), 400);
    assertProblem(create(owner, 10, "filename not-base64!"), 400);
    Res tooBig = create(owner, 8_388_609, Api.metadata("filename", "big.bin"));
    assertProblem(tooBig, 413);
    assertTrue(tooBig.object().getString("detail").contains("maximum file size"));
    for (int i = 0; i < 3; i++) { // 3 × 8 MiB reserved: the quota of 24 MiB
      assertEquals(201, create(owner, 8_000_000, Api.metadata("filename", "part" + i)).status());
    }
    Res overQuota = create(owner, 1_200_000, Api.metadata("filename", "more.bin"));
    assertProblem(overQuota, 413);
    assertTrue(overQuota.object().getString("detail").contains("quota"), "space is reserved");
  }

  @Test
  void aUserHasAtMostTenOpenUploads() {
    Caller owner = api.register("tus");
    for (int i = 0; i < 10; i++) {
      assertEquals(201, create(owner, 1, Api.metadata("filename", "f" + i)).status());
    }
    assertProblem(create(owner, 1, Api.metadata("filename", "f10")), 429);
  }

  @Test
  void someoneElsesUploadIsUnknownAndTerminationEndsOne() {
    Caller owner = api.register("tus");
    Caller other = api.register("tus");
    String path = upload(owner, "mine.txt", 4);
    assertEquals(404, head(other, path).status(), "a HEAD answers without a body");
    assertProblem(patch(other, path, 0, new byte[4]), 404);
    Res otherDelete =
        api.send(other.sign(api.request(path).DELETE().header("Tus-Resumable", "1.0.0")));
    assertProblem(otherDelete, 404);
    assertEquals(401, head(Caller.ANONYMOUS, path).status(), "a HEAD answers without a body");

    Res deleted = api.send(owner.sign(api.request(path).DELETE().header("Tus-Resumable", "1.0.0")));
    assertEquals(204, deleted.status());
    assertEquals(404, head(owner, path).status(), "a HEAD answers without a body");
    assertProblem(patch(owner, path, 0, new byte[4]), 404);
  }

  @Test
  void creationWithUploadSendsTheFirstBytesAtOnce() throws Exception {
    Caller owner = api.register("tus");
    byte[] content = "all of it, right away".getBytes(StandardCharsets.UTF_8);
    Res created =
        api.send(
            owner.sign(
                api.request(TUS)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                    .header("Tus-Resumable", "1.0.0")
                    .header("Content-Type", "application/offset+octet-stream")
                    .header("Upload-Length", Integer.toString(content.length))
                    .header(
                        "Upload-Metadata",
                        Api.metadata("filename", "now.txt")
                            + ","
                            + Api.metadata("visibility", "public"))
                    .header("Upload-Checksum", "sha256 " + sha256Base64(content))));
    assertEquals(201, created.status(), created.toString());
    assertEquals(Integer.toString(content.length), created.header("Upload-Offset"));
    Res file = api.get("/api/v1/public/" + owner.username() + "/now.txt", Caller.ANONYMOUS);
    assertArrayEquals(content, file.bytes(), "stored, and public as the metadata asked");
  }

  @Test
  void aSecondPieceWhileOneIsArrivingIsRefusedWith409() throws Exception {
    Caller owner = api.register("tus");
    String path = upload(owner, "busy.bin", 2_000_000);
    java.nio.file.Path part =
        java.nio.file.Path.of(System.getProperty("ft.it.dir"), "data", "uploads")
            .resolve(path.substring(path.lastIndexOf('/') + 1) + ".part");
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.io.InputStream halfThenWait =
        new java.io.InputStream() {
          private int sent;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (sent >= 1_000_000) {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new java.io.IOException("the first piece stops here");
            }
            int n = Math.min(len, 1_000_000 - sent);
            sent += n;
            return n;
          }
        };
    var first =
        api.http()
            .sendAsync(
                owner
                    .sign(
                        api.request(path)
                            .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(() -> halfThenWait),
                                    2_000_000))
                            .header("Tus-Resumable", "1.0.0")
                            .header("Content-Type", "application/offset+octet-stream")
                            .header("Upload-Offset", "0"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> java.nio.file.Files.size(part) > 0); // the first piece is being written
    Res second = patch(owner, path, 0, random(2_000_000, 3));
    assertProblem(second, 409);
    assertTrue(second.object().getString("detail").contains("being sent"), second.toString());
    release.countDown();
    first.exceptionally(e -> null).get(60, java.util.concurrent.TimeUnit.SECONDS);
  }
}
