package dev.ft.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import dev.ft.it.Bytes;
import dev.ft.it.ServeProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in an S3 bucket (FT_STORAGE=s3) on a real S3 implementation, s3proxy: bytes go up in parts
 * as they arrive and come back whole and by range; whatever is cut, refused or killed half-way
 * leaves nothing in the bucket, not even an unfinished multipart upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3StorageIT {
  private static final int S3_PORT = 18975;
  private static final int PORT = 18976;
  private static final int MiB = 1024 * 1024;
  private static final String BUCKET = "ft-files";
  private static final long MAX_FILE_SIZE = 24L * MiB;

  private Path dir;
  private S3ProxyProcess s3;
  private ServeProcess server;
  private Api api;

  @BeforeAll
  void startS3AndServer() throws Exception {
    dir = Path.of(System.getProperty("ft.faults.dir"), "s3");
    s3 = new S3ProxyProcess(dir.resolve("bucket"), S3_PORT, BUCKET).start();
    Map<String, String> settings = new HashMap<>(s3.storeSettings(BUCKET));
    settings.put("FT_MAX_FILE_SIZE", Long.toString(MAX_FILE_SIZE));
    server = new ServeProcess(dir.resolve("data"), PORT, settings).start();
    api = server.api();
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aFileGoesUpInPartsAndComesBackWholeAndByRange() {
    Caller user = api.register("s3");
    byte[] content = Bytes.random(20 * MiB + 5, 1); // three parts of the default 8 MiB
    assertEquals(201, api.putBytes("/api/v1/files/big.bin", user, content).status());

    assertArrayEquals(content, api.get("/api/v1/files/big.bin", user).bytes());
    long from = 8L * MiB - 3; // across the first part's end
    Res range =
        api.send(
            user.sign(
                api.request("/api/v1/files/big.bin")
                    .header("Range", "bytes=" + from + "-" + (from + 9))));
    assertEquals(206, range.status(), range.toString());
    assertArrayEquals(Arrays.copyOfRange(content, (int) from, (int) from + 10), range.bytes());

    List<S3Object> objects = objectsOf(user);
    assertEquals(1, objects.size(), objects.toString());
    assertEquals(content.length, objects.get(0).size());
    assertEquals(0, unfinishedUploads(), "the multipart upload was completed");

    assertEquals(201, api.putBytes("/api/v1/files/empty.txt", user, new byte[0]).status());
    assertArrayEquals(new byte[0], api.get("/api/v1/files/empty.txt", user).bytes());
    assertConsistent();
  }

  @Test
  void aDeletedFileLeavesTheBucket() {
    Caller user = api.register("s3del");
    assertEquals(201, api.putBytes("/api/v1/files/gone.bin", user, new byte[1000]).status());
    assertEquals(1, objectsOf(user).size());
    assertEquals(204, api.delete("/api/v1/files/gone.bin", user).status());
    assertEquals(List.of(), objectsOf(user));
    assertConsistent();
  }

  @Test
  void aCutUploadLeavesNothingInTheBucket() throws Exception {
    Caller user = api.register("s3cut");
    try (SSLSocket socket = api.rawSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT /api/v1/files/cut.bin HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                  + user.authorization()
                  + "\r\nContent-Length: "
                  + 20 * MiB
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(Bytes.random(17 * MiB, 2));
      out.flush();
      // two parts went up before the client goes
      await().atMost(Duration.ofSeconds(30)).until(() -> unfinishedUploads() > 0);
      socket.setSoLinger(true, 0);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> unfinishedUploads() == 0);
    assertEquals(List.of(), objectsOf(user));
    assertEquals(List.of(), api.fileNames(user));
    assertConsistent();
  }

  @Test
  void anUploadPastTheSizeLimitIsAbortedOnTheWay() {
    Caller user = api.register("s3big");
    byte[] content = Bytes.random((int) MAX_FILE_SIZE + MiB, 3);
    // no length announced: the limit is found only once 24 MiB have gone up in parts
    Res refused =
        api.send(
            user.sign(
                api.request("/api/v1/files/toobig.bin")
                    .PUT(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(content)))));
    assertEquals(413, refused.status(), refused.toString());
    assertEquals(0, unfinishedUploads());
    assertEquals(List.of(), objectsOf(user));
    assertConsistent();
  }

  @Test
  void aResumableUploadIsStoredInTheBucket() throws Exception {
    Caller user = api.register("s3tus");
    byte[] content = Bytes.random(12 * MiB, 4);
    Res created = api.createUpload(user, content.length, Api.metadata("filename", "tus.bin"));
    assertEquals(201, created.status(), created.toString());
    String path = java.net.URI.create(created.header("Location")).getPath();
    long offset = 0;
    for (int piece : new int[] {5 * MiB, 7 * MiB}) {
      Res patched =
          api.sendPiece(
              user, path, offset, Arrays.copyOfRange(content, (int) offset, (int) offset + piece));
      assertEquals(204, patched.status(), patched.toString());
      offset += piece;
    }
    assertArrayEquals(content, api.get("/api/v1/files/tus.bin", user).bytes());
    assertEquals(1, objectsOf(user).size());
    assertEquals(
        List.of(), uploadObjects(), "the upload's part and tails are gone once the file is stored");
    assertEquals(0, unfinishedUploads());
    assertFalse(
        Files.exists(server.dataDir().resolve("uploads")), "nothing of it on the server's disk");
    assertConsistent();
  }

  @Test
  void resumableUploadsShorterThanAPartEmptyOrCancelledLeaveNothingBehind() {
    Caller user = api.register("s3tussmall");
    byte[] small = Bytes.random(3 * MiB + 1, 6);
    String path = api.newUpload(user, "small.bin", small.length);
    int half = MiB + 7;
    for (int[] piece : new int[][] {{0, half}, {half, small.length}}) {
      Res sent = api.sendPiece(user, path, piece[0], Arrays.copyOfRange(small, piece[0], piece[1]));
      assertEquals(204, sent.status(), sent.toString());
    }
    assertArrayEquals(small, api.get("/api/v1/files/small.bin", user).bytes());

    String empty = api.newUpload(user, "empty.bin", 0);
    Res nothing = api.sendPiece(user, empty, 0, new byte[0]);
    assertEquals(204, nothing.status(), nothing.toString());
    assertArrayEquals(new byte[0], api.get("/api/v1/files/empty.bin", user).bytes());

    // a whole part and a tail in the bucket, then cancelled
    byte[] content = Bytes.random(10 * MiB, 7);
    String cancelled = api.newUpload(user, "cancelled.bin", content.length);
    Res part = api.sendPiece(user, cancelled, 0, Arrays.copyOf(content, 9 * MiB));
    assertEquals(204, part.status(), part.toString());
    assertNotEquals(List.of(), uploadObjects(), "the tail waits in the bucket");
    Res deleted =
        api.send(user.sign(api.request(cancelled).DELETE().header("Tus-Resumable", "1.0.0")));
    assertEquals(204, deleted.status(), deleted.toString());
    assertEquals(List.of(), uploadObjects());
    assertEquals(0, unfinishedUploads());
    assertEquals(List.of("empty.bin", "small.bin"), api.fileNames(user).stream().sorted().toList());
    assertConsistent();
  }

  private List<S3Object> uploadObjects() {
    return s3.client().listObjectsV2(b -> b.bucket(BUCKET).prefix("uploads/")).contents();
  }

  @Test
  void theUnfinishedUploadsOfAKilledServerAreAbortedAtItsNextStart() throws Exception {
    Caller user = api.register("s3kill");
    CountDownLatch never = new CountDownLatch(1);
    // 10 MiB (a part and more) arrive, then nothing: the server dies first
    InputStream stalling = new CutBody(Bytes.random(10 * MiB, 5), 0, 10 * MiB, never);
    CompletableFuture<HttpResponse<Void>> upload =
        api.http()
            .sendAsync(
                user.sign(
                        api.request("/api/v1/files/killed.bin")
                            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> stalling)))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    await().atMost(Duration.ofSeconds(30)).until(() -> unfinishedUploads() > 0);

    server.kill();
    never.countDown();
    upload.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    assertNotEquals(0, unfinishedUploads(), "the killed server left its upload behind");

    server.start();
    assertEquals(0, unfinishedUploads(), "the start aborted it");
    assertEquals(List.of(), api.fileNames(user));
    assertConsistent();
  }

  @Test
  void aMissingBucketStopsTheStartWithOneClearLine() throws Exception {
    Map<String, String> settings = new HashMap<>(s3.storeSettings("no-such-bucket"));
    ServeProcess refused = new ServeProcess(dir.resolve("data-nobucket"), PORT + 1, settings);
    int status = refused.runUntilExit(Duration.ofMinutes(3));
    assertNotEquals(0, status);
    String log = Files.readString(refused.log());
    assertTrue(
        log.contains("cannot start: Cannot use the S3 bucket no-such-bucket at " + s3.endpoint()),
        "the log names the bucket and why:\n" + tail(log));
  }

  private List<S3Object> objectsOf(Caller user) {
    String prefix = "files/" + user.username().toLowerCase(Locale.ROOT) + "/";
    return s3.client().listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents();
  }

  private int unfinishedUploads() {
    return s3.unfinishedUploads(BUCKET);
  }

  private void assertConsistent() {
    Res report = api.get("/api/v1/admin/verify?deep=true", api.admin());
    assertEquals(200, report.status(), report.toString());
    assertTrue(report.object().getBoolean("consistent"), report.toString());
  }

  private static String tail(String log) {
    return log.substring(Math.max(0, log.length() - 4000));
  }
}
