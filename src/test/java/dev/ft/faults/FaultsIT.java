package dev.ft.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import dev.ft.it.Bytes;
import dev.ft.it.ServeProcess;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults against the server as payara/serve runs it (on MariaDB in CI's second pass): what was
 * acknowledged is there byte for byte, what was not left no trace, and the consistency check agrees
 * after every fault.
 */
@Tag(ServeProcess.ON_CONFIGURED_DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIT {
  private ServeProcess server;
  private Api api;

  @BeforeAll
  void startServer() throws Exception {
    Path dir = Path.of(System.getProperty("ft.faults.dir"));
    server =
        new ServeProcess(
                dir.resolve("data"),
                Integer.parseInt(System.getProperty("ft.faults.port")),
                ServeProcess.configuredDatabase())
            .start();
    api = server.api();
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void storageAndMetadataAgree() throws IOException {
    Res report = api.get("/api/v1/admin/verify?deep=true", api.admin());
    assertEquals(200, report.status(), report.toString());
    assertTrue(
        report.object().getBoolean("consistent"), "the consistency check must pass: " + report);
    assertNoPendingUploads();
  }

  /** payara/verify as the README runs it from elsewhere: told the server and its CA as ft is. */
  @Test
  void payaraVerifyFindsAServerByItsUrlAndCertificate() throws Exception {
    ProcessBuilder verify = new ProcessBuilder("payara/verify", "--deep").redirectErrorStream(true);
    verify
        .environment()
        .putAll(
            Map.of(
                "FT_SERVER",
                api.uri("/").toString(),
                "FT_CACERT",
                server.certificate().toString(),
                "FT_ADMIN_PASSWORD",
                ServeProcess.ADMIN_PASSWORD,
                "FT_DATA_DIR",
                "/nonexistent"));
    Process process = verify.start();
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), report);
    assertTrue(report.contains("\"consistent\":true"), report);
  }

  private void assertNoPendingUploads() throws IOException {
    try (Stream<Path> left = Files.list(server.dataDir().resolve("tmp"))) {
      assertEquals(List.of(), left.toList(), "no unfinished upload may stay behind");
    }
  }

  private Map<String, JsonObject> filesOf(Caller user) {
    return api.get("/api/v1/files", user).array().stream()
        .map(v -> v.asJsonObject())
        .collect(Collectors.toMap(f -> f.getString("name"), f -> f));
  }

  private long bytesUsedOf(Caller user) {
    return api.get("/api/v1/admin/users", api.admin()).array().stream()
        .map(v -> v.asJsonObject())
        .filter(u -> u.getString("username").equals(user.username()))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("bytesUsed")
        .longValue();
  }

  /** A body that arrives slowly: {@code size} bytes in pieces, a pause before each. */
  private static HttpRequest.BodyPublisher slowly(byte[] content, int piece, long pauseMillis) {
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(
            () ->
                new InputStream() {
                  private int sent;

                  @Override
                  public int read() {
                    throw new UnsupportedOperationException();
                  }

                  @Override
                  public int read(byte[] b, int off, int len) {
                    if (sent == content.length) {
                      return -1;
                    }
                    if (sent % piece == 0) {
                      try {
                        Thread.sleep(pauseMillis);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }
                    int n = Math.min(Math.min(len, piece - sent % piece), content.length - sent);
                    System.arraycopy(content, sent, b, off, n);
                    sent += n;
                    return n;
                  }
                }),
        content.length);
  }

  @Test
  void aCrashMidUploadKeepsEveryAcknowledgedFileAndNothingPartial() throws Exception {
    Caller user = api.register("crash");
    Map<String, byte[]> contents = new HashMap<>();
    Map<String, Integer> statuses = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> uploads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "file-" + i + ".bin";
      byte[] content = Bytes.random(2 * 1024 * 1024, i);
      contents.put(name, content);
      // staggered: the first finish quickly, the last are still sending when the server dies
      HttpRequest request =
          user.sign(api.request("/api/v1/files/" + name).PUT(slowly(content, 256 * 1024, 40L * i)))
              .build();
      uploads.add(
          api.http()
              .sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (response, failure) ->
                      statuses.put(name, response == null ? -1 : response.statusCode())));
    }
    // the crash lands once the first uploads are acknowledged, while the later ones still send
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> statuses.values().stream().anyMatch(status -> status / 100 == 2));
    server.kill();
    CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(60, TimeUnit.SECONDS);
    Set<String> acknowledged =
        statuses.entrySet().stream()
            .filter(e -> e.getValue() / 100 == 2)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertTrue(
        !acknowledged.isEmpty() && acknowledged.size() < 20,
        "the crash must land while some uploads are done and others are not: " + statuses);

    server.start();
    Map<String, JsonObject> listed = filesOf(user);
    assertTrue(
        listed.keySet().containsAll(acknowledged),
        "every acknowledged file is there: " + acknowledged + " in " + listed.keySet());
    // A file whose commit landed just before the crash, with its answer still unsent, may be
    // there too: no server can tell a client of a commit the crash cut off. It must be whole.
    long sum = 0;
    for (String name : listed.keySet()) {
      assertArrayEquals(contents.get(name), api.get("/api/v1/files/" + name, user).bytes(), name);
      sum += listed.get(name).getJsonNumber("size").longValue();
    }
    assertEquals(sum, bytesUsedOf(user), "the quota counts exactly what is listed");
  }

  @Test
  void clientsThatWalkAwayLeaveNoTraceAndNoOpenFiles() throws Exception {
    Caller user = api.register("walk");
    long descriptorsBefore = openDescriptors();
    Random random = new Random(7);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<java.util.concurrent.Future<?>> cuts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int sendBytes = random.nextInt(1_000_000);
      boolean reset = random.nextBoolean();
      String name = "cut-" + i + ".bin";
      cuts.add(
          pool.submit(
              () -> {
                try (SSLSocket socket = api.rawSocket()) {
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("PUT /api/v1/files/"
                              + name
                              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                              + user.authorization()
                              + "\r\nContent-Length: 1000000\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(new byte[sendBytes]);
                  out.flush();
                  if (reset) {
                    socket.setSoLinger(true, 0); // an abrupt reset instead of a polite close
                  }
                }
                return null;
              }));
    }
    for (var cut : cuts) {
      cut.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    long[] descriptorsAfter = new long[1];
    await() // the server notices each cut when its next read fails
        .atMost(Duration.ofMinutes(1))
        .until(() -> (descriptorsAfter[0] = openDescriptors()) <= descriptorsBefore + 10);
    assertEquals(Map.of(), filesOf(user), "no cut upload is listed");
    assertEquals(0, bytesUsedOf(user), "no quota is charged");
    assertTrue(
        descriptorsAfter[0] <= descriptorsBefore + 10,
        "the server's open files are back where they were: "
            + descriptorsBefore
            + " -> "
            + descriptorsAfter[0]);
  }

  private long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
      return fds.count();
    }
  }

  /**
   * 32 real curl clients download 64 MiB each at once from the server at -Xmx256m. Before the
   * socket send buffer was bounded (payara/preboot.asadmin) the runtime queued ~190 MB of encrypted
   * output on the heap, died of OutOfMemoryError and cut or corrupted the downloads.
   */
  @Test
  void concurrentLargeDownloadsAllArriveIntact() throws Exception {
    Caller user = api.register("many");
    byte[] content = Bytes.random(64 * 1024 * 1024, 32);
    assertEquals(201, api.putBytes("/api/v1/files/mid.bin", user, content).status());
    Path dir = Files.createDirectories(server.dataDir().resolveSibling("downloads"));
    List<Process> curls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      curls.add(
          new ProcessBuilder(
                  "curl",
                  "-sS",
                  "--cacert",
                  server.certificate().toString(),
                  "-H",
                  "Authorization: " + user.authorization(),
                  "-o",
                  dir.resolve("mid-" + i).toString(),
                  api.uri("/api/v1/files/mid.bin").toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start());
    }
    String expected = Bytes.sha256Hex(content);
    for (int i = 0; i < curls.size(); i++) {
      assertTrue(curls.get(i).waitFor(2, TimeUnit.MINUTES), "download " + i + " finished");
      assertEquals(0, curls.get(i).exitValue(), "curl exit code of download " + i);
      Path file = dir.resolve("mid-" + i);
      assertEquals(expected, Bytes.sha256Hex(Files.readAllBytes(file)), "bytes of download " + i);
      Files.delete(file);
    }
    assertTrue(
        !Files.readString(server.log(), StandardCharsets.ISO_8859_1).contains("OutOfMemoryError"),
        "the server log shows no OutOfMemoryError");
  }

  @Test
  void concurrentUploadsToOneNameLeaveExactlyOneOfThem() throws Exception {
    Caller user = api.register("race");
    Map<String, byte[]> bySha = new HashMap<>();
    List<CompletableFuture<HttpResponse<Void>>> puts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] content = Bytes.random(1_000_000 + i, 100 + i);
      bySha.put(Bytes.sha256Hex(content), content);
      puts.add(
          api.http()
              .sendAsync(
                  user.sign(
                          api.request("/api/v1/files/same.bin")
                              .PUT(HttpRequest.BodyPublishers.ofByteArray(content)))
                      .build(),
                  HttpResponse.BodyHandlers.discarding()));
    }
    for (var put : puts) {
      int status = put.get(60, TimeUnit.SECONDS).statusCode();
      assertTrue(status == 200 || status == 201, "every upload is accepted: " + status);
    }
    JsonObject meta = filesOf(user).get("same.bin");
    byte[] stored = api.get("/api/v1/files/same.bin", user).bytes();
    assertTrue(bySha.containsKey(meta.getString("sha256")), "the file is one of the ten uploads");
    assertArrayEquals(
        bySha.get(meta.getString("sha256")), stored, "and its bytes match its metadata");
    assertEquals(stored.length, meta.getJsonNumber("size").longValue());
    assertEquals(stored.length, bytesUsedOf(user));
  }

  @Test
  void aDownloadDuringDeleteOrReplaceNeverMixesOldAndNew() throws Exception {
    Caller user = api.register("mix");
    for (String change : List.of("replace", "delete")) {
      byte[] old = Bytes.random(24 * 1024 * 1024, 1);
      assertEquals(201, api.putBytes("/api/v1/files/big.bin", user, old).status());
      HttpResponse<InputStream> download =
          api.http()
              .send(
                  user.sign(api.request("/api/v1/files/big.bin")).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      byte[] received;
      try (InputStream body = download.body()) {
        byte[] start = body.readNBytes(1024 * 1024);
        Res changed =
            change.equals("replace")
                ? api.putBytes("/api/v1/files/big.bin", user, Bytes.random(24 * 1024 * 1024, 2))
                : api.delete("/api/v1/files/big.bin", user);
        assertTrue(changed.status() / 100 == 2, changed.toString());
        byte[] rest = body.readAllBytes();
        received = new byte[start.length + rest.length];
        System.arraycopy(start, 0, received, 0, start.length);
        System.arraycopy(rest, 0, received, start.length, rest.length);
      } catch (IOException e) {
        continue; // failing is allowed; mixing is not
      }
      assertArrayEquals(
          old, received, "after a " + change + ", the download finishes with the old bytes");
      if (change.equals("replace")) {
        assertEquals(204, api.delete("/api/v1/files/big.bin", user).status());
      }
    }
  }
}
