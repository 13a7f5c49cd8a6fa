package dev.ft.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import dev.ft.it.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Resumable uploads against the server as payara/serve runs it: a real tus client (tus-js-client
 * under Node) stopped half-way and resumed by a fresh process, a piece cut off by the client, and a
 * server killed with kill -9 in the middle of a piece. Every acknowledged byte survives.
 */
@Tag(ServeProcess.ON_CONFIGURED_DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumableUploadsIT {
  private static final int PORT = 18991;
  private static final int MiB = 1024 * 1024;

  private ServeProcess server;
  private Api api;
  private Path dir;

  @BeforeAll
  void startServer() throws Exception {
    dir = Path.of(System.getProperty("ft.faults.dir"), "resumable");
    server = new ServeProcess(dir.resolve("data"), PORT, ServeProcess.configuredDatabase()).start();
    api = server.api();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.close();
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256Hex(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /**
   * Sends {@code content} from {@code from} as one piece, {@code cutAt} bytes of it, then stalls.
   */
  private CompletableFuture<HttpResponse<Void>> sendPiece(
      Caller owner, String path, byte[] content, int from, int cutAt) {
    InputStream body = new CutBody(content, from, cutAt);
    return api.http()
        .sendAsync(
            api.uploadPiece(owner, path, from)
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        content.length - from))
                .build(),
            HttpResponse.BodyHandlers.discarding());
  }

  private void finish(Caller owner, String path, byte[] content) {
    long offset = api.uploadOffset(owner, path);
    Res done =
        api.sendPiece(
            owner, path, offset, Arrays.copyOfRange(content, (int) offset, content.length));
    assertEquals(204, done.status(), done.toString());
    assertEquals(Integer.toString(content.length), done.header("Upload-Offset"));
  }

  @Test
  void aPieceTheClientCutsOffKeepsWhatArrived() throws Exception {
    Caller owner = api.register("cut");
    byte[] content = random(48 * MiB, 1);
    String path = api.newUpload(owner, "cut.bin", content.length);
    CompletableFuture<HttpResponse<Void>> cut = sendPiece(owner, path, content, 0, 20 * MiB);
    cut.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.uploadOffset(owner, path) > 0);
    long kept = api.uploadOffset(owner, path);
    assertTrue(kept <= 20 * MiB, "never more than was sent: " + kept);
    finish(owner, path, content);
    assertArrayEquals(content, api.get("/api/v1/files/cut.bin", owner).bytes());
  }

  @Test
  void everyAcknowledgedByteSurvivesKillMinus9() throws Exception {
    Caller owner = api.register("crash");
    byte[] content = random(40 * MiB, 2);
    String path = api.newUpload(owner, "crash.bin", content.length);
    Res first = api.sendPiece(owner, path, 0, Arrays.copyOf(content, 10 * MiB));
    assertEquals(204, first.status(), first.toString());
    // the second piece is on its way (and stalls half-sent) when the server dies
    CompletableFuture<HttpResponse<Void>> second =
        sendPiece(owner, path, content, 10 * MiB, 25 * MiB);
    await().atMost(Duration.ofSeconds(30)).until(() -> partSize(path) > 10L * MiB);
    server.kill();
    second.exceptionally(e -> null).get(60, TimeUnit.SECONDS);

    server.start();
    Caller again = api.login(owner.username(), Api.PASSWORD);
    long offset = api.uploadOffset(again, path);
    assertTrue(offset >= 10 * MiB, "the acknowledged piece is there: " + offset);
    finish(again, path, content);
    Res stored = api.get("/api/v1/files/crash.bin", again);
    assertEquals("\"" + sha256Hex(content) + "\"", stored.header("ETag"));
    assertArrayEquals(content, stored.bytes());
  }

  /** How many bytes of an upload the server's store holds on disk right now. */
  private long partSize(String path) throws IOException {
    String id = path.substring(path.lastIndexOf('/') + 1);
    Path part = server.dataDir().resolve("uploads").resolve(id + ".part");
    return Files.exists(part) ? Files.size(part) : 0;
  }

  @Test
  void tusJsClientStopsHalfWayAndAFreshProcessResumes() throws Exception {
    Caller owner = api.register("tusjs");
    Path work = Files.createDirectories(dir.resolve("tus-js"));
    for (String file : List.of("package.json", "package-lock.json", "upload.js")) {
      Files.copy(
          Path.of("src/test/tus-js", file),
          work.resolve(file),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    node(work, List.of("npm", "ci", "--no-audit", "--no-fund"));
    byte[] content = random(200 * MiB, 3);
    Path file = Files.write(work.resolve("source.bin"), content);
    String endpoint = "https://localhost:" + PORT + "/api/v1/uploads";
    String token = owner.authorization().substring("Bearer ".length());
    Path store = work.resolve("urls.json");
    Files.deleteIfExists(store);

    String stopped =
        node(
            work,
            List.of(
                "node",
                "upload.js",
                file.toString(),
                endpoint,
                token,
                store.toString(),
                Integer.toString(100 * MiB)));
    assertTrue(stopped.contains("ABORTED"), stopped);
    long held =
        api.get("/api/v1/uploads", owner)
            .array()
            .getJsonObject(0)
            .getJsonNumber("offset")
            .longValue();
    assertTrue(held >= 100 * MiB && held < content.length, "half-way: " + held);

    String resumed =
        node(
            work,
            List.of("node", "upload.js", file.toString(), endpoint, token, store.toString(), "0"));
    assertTrue(resumed.contains("RESUMING") && resumed.contains("DONE"), resumed);
    long firstSent =
        Long.parseLong(
            resumed
                .lines()
                .filter(l -> l.startsWith("FIRST "))
                .findFirst()
                .orElseThrow()
                .substring(6));
    assertEquals(held, firstSent, "the fresh process sent only what the server did not hold");
    Res stored = api.get("/api/v1/files/from-tus-js.bin", owner);
    assertEquals("\"" + sha256Hex(content) + "\"", stored.header("ETag"));
  }

  /** Runs a Node.js or npm command in {@code work}, trusting the server's certificate. */
  private String node(Path work, List<String> command) throws Exception {
    Path output = work.resolve("output.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("NODE_EXTRA_CA_CERTS", server.certificate().toString());
    Process process = builder.start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    String printed = Files.readString(output);
    assertTrue(ended && process.exitValue() == 0, String.join(" ", command) + ":\n" + printed);
    return printed;
  }
}
