package dev.ft.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.fixtures.Folders;
import dev.ft.it.AdminPageForms;
import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import dev.ft.it.Bytes;
import dev.ft.it.ServeProcess;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes as one: two payara/serve processes on one MariaDB database and one store ({@link
 * S3ClusterIT}, {@link SharedFolderClusterIT}), joined into a cluster by Payara Micro's data grid
 * over TCP on loopback, behind nginx. What one node learns about logins, tokens and sign-ins, the
 * other acts on; a file stored through one comes back through the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
abstract class ClusterIT {
  private static final int PORT_A = 18981;
  private static final int PORT_B = 18982;
  private static final int GRID_PORT = 18983;
  private static final int BALANCER_PORT = 18985;
  private static final int MiB = 1024 * 1024;
  private static final String DATABASE = "ft_cluster_it";

  private ServeProcess nodeA;
  private ServeProcess nodeB;
  private Process balancer;
  private Path dir;
  private Api a;
  private Api b;
  private Api both;

  /** Starts the store both nodes share, in {@code dir}; answers the nodes' settings for it. */
  abstract Map<String, String> startStore(Path dir) throws Exception;

  abstract void stopStore() throws Exception;

  /** How many uploads the store holds unfinished: begun, neither completed nor removed. */
  abstract int unfinishedUploads() throws Exception;

  @BeforeAll
  void startTwoNodes() throws Exception {
    dir = Path.of(System.getProperty("ft.faults.dir"), getClass().getSimpleName());
    Path tls = sharedCertificate(dir.resolve("tls"));
    String server = System.getProperty("ft.cluster.db.server", "jdbc:mysql://127.0.0.1:3306/");
    try (Connection db = DriverManager.getConnection(server, "root", "");
        Statement sql = db.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
      sql.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    // an empty store for the database made empty above
    Folders.deleteRecursively(dir.resolve("store"));
    Map<String, String> settings = new HashMap<>(startStore(dir.resolve("store")));
    settings.putAll(
        Map.of(
            "FT_DB_URL",
            server + DATABASE,
            "FT_DB_USER",
            "root",
            "FT_CLUSTER_NAME",
            "ft-cluster-it",
            "FT_CLUSTER_PORT",
            Integer.toString(GRID_PORT),
            "FT_CLUSTER_INTERFACE",
            "127.0.0.1",
            "FT_CLUSTER_MODE",
            "tcpip:127.0.0.1:" + GRID_PORT + ",127.0.0.1:" + (GRID_PORT + 1)));
    settings.put("FT_TRUSTED_PROXIES", "127.0.0.1"); // the balancer
    // the ten racing uploads of one user, and no more
    settings.put("FT_MAX_CONCURRENT_UPLOADS_PER_USER", Integer.toString(UPLOADS_AT_ONCE));
    settings.put("FT_KEYSTORE", tls.resolve("keystore.p12").toString());
    settings.put("FT_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD);
    nodeA = node("a", PORT_A, settings, tls).startInBackground();
    nodeB = node("b", PORT_B, settings, tls).startInBackground();
    a = nodeA.awaitStarted().api();
    b = nodeB.awaitStarted().api();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> members(a).split(",").length == 2 && members(b).split(",").length == 2);
    balancer =
        new ProcessBuilder(
                "payara/balancer",
                Integer.toString(BALANCER_PORT),
                dir.resolve("balancer").toString(),
                tls.resolve("certificate.pem").toString(),
                tls.resolve("key.pem").toString(),
                tls.resolve("certificate.pem").toString(),
                Integer.toString(PORT_A),
                Integer.toString(PORT_B))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("balancer.log").toFile())
            .start();
    both =
        Api.forServer(
            URI.create("https://localhost:" + BALANCER_PORT),
            tls.resolve("certificate.pem"),
            ServeProcess.ADMIN_PASSWORD);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> both.get("/api/v1/public", Caller.ANONYMOUS).status() == 200);
  }

  private static final String KEYSTORE_PASSWORD = "cluster-it-keystore";
  private static final int UPLOADS_AT_ONCE = 10;

  /**
   * One certificate for both nodes, which the balancer checks them against and shows clients
   * itself, as an operator would give every node the same one.
   */
  private static Path sharedCertificate(Path tls) throws Exception {
    // made as payara/cluster makes it
    Commands.run(
        "bash",
        "-c",
        "source payara/lib.sh && JAVA_HOME=$(ft_java_home) ft_shared_certificate \"$0\" \"$1\"",
        tls.resolve("keystore.p12").toString(),
        KEYSTORE_PASSWORD);
    return tls;
  }

  private ServeProcess node(String name, int port, Map<String, String> settings, Path tls)
      throws Exception {
    Map<String, String> own = new HashMap<>(settings);
    own.put("FT_NODE_NAME", name);
    own.put("FT_ACCESS_LOG", dir.resolve("access-" + name + ".log").toString());
    Path data = dir.resolve(name);
    // where ServeProcess looks for the certificate to trust, as payara/serve puts its own
    java.nio.file.Files.createDirectories(data.resolve("tls"));
    java.nio.file.Files.copy(
        tls.resolve("certificate.pem"),
        data.resolve("tls/certificate.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new ServeProcess(data, port, own);
  }

  @AfterAll
  void stop() throws Exception {
    if (balancer != null) {
      balancer.destroy();
      balancer.waitFor();
    }
    for (AutoCloseable process : new AutoCloseable[] {nodeA, nodeB}) {
      if (process != null) {
        process.close();
      }
    }
    stopStore();
  }

  @Test
  void eachNodeSeesBothMembers() {
    JsonObject node = readiness(a);
    assertEquals("a", node.getString("name"));
    assertEquals("true", node.get("clustered").toString().replace("\"", ""));
    assertEquals(members(a), members(b), "one cluster, the same two members");
  }

  @Test
  void aTokenWorksOnBothNodesAndALogoutReachesTheOtherAtOnce() {
    Caller user = a.register("both");
    assertEquals(200, b.get("/api/v1/files", user).status(), "B knows A's token");
    assertEquals(200, a.get("/api/v1/files", user).status()); // and A has it in its cache now

    Res logout =
        b.send(
            user.sign(b.request("/api/v1/auth/logout").POST(HttpRequest.BodyPublishers.noBody())));
    assertEquals(204, logout.status(), logout.toString());
    // A's cache would serve the token for up to 10 s; the revocation reaches it long before
    await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> a.get("/api/v1/files", user).status() == 401);
  }

  @Test
  void wrongPasswordsOnEitherNodeAddUpToOneLockOut() {
    Caller user = a.register("locked");
    for (int i = 0; i < 5; i++) { // FT_LOGIN_MAX_FAILURES_PER_USER, spread over both nodes
      Api node = i % 2 == 0 ? a : b;
      assertEquals(401, login(node, user.username(), "wrong password " + i).status());
    }
    assertEquals(429, login(a, user.username(), Api.PASSWORD).status(), "locked on A");
    assertEquals(429, login(b, user.username(), Api.PASSWORD).status(), "and on B");
  }

  @Test
  void aFileStoredThroughOneNodeComesBackThroughTheOther() {
    Caller user = a.register("files");
    byte[] content = Bytes.random(20 * MiB + 3, 11);
    assertEquals(201, a.putBytes("/api/v1/files/across.bin", user, content).status());
    assertArrayEquals(content, b.get("/api/v1/files/across.bin", user).bytes());
    Res range =
        b.send(
            user.sign(
                b.request("/api/v1/files/across.bin").header("Range", "bytes=8388600-8388615")));
    assertEquals(206, range.status(), range.toString());
    assertArrayEquals(Arrays.copyOfRange(content, 8388600, 8388616), range.bytes());
    Res report = b.get("/api/v1/admin/verify?deep=true", b.admin());
    assertTrue(report.object().getBoolean("consistent"), report.toString());
  }

  @Test
  void theBalancerForwardsTheClientsAddressAndTheNodesBelieveIt() throws Exception {
    Res answer = both.send(both.request("/api/v1/public").header("X-Forwarded-For", "203.0.113.9"));
    assertEquals(200, answer.status());
    // the node it reached logs the client nginx forwarded for, not nginx itself
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                accessLogs()
                    .anyMatch(
                        line -> line.contains("203.0.113.9") && line.contains("/api/v1/public")));
  }

  @Test
  void anAdminSignedInThroughOneNodeCarriesOnThroughTheOther() {
    String session = AdminPageForms.signIn(a);
    Res onB = AdminPageForms.page(b, "/admin", session);
    assertEquals(200, onB.status(), "B knows the sign-in A took: " + onB);
    assertTrue(onB.text().contains("Sign out"), "the signed-in page: " + onB.text());

    Res signedOut = AdminPageForms.post(b, "/admin/logout", session, "");
    assertEquals(302, signedOut.status(), "B takes A's form token: " + signedOut);
    Res onA = AdminPageForms.page(a, "/admin", session);
    assertEquals(302, onA.status(), "signed out through B, the session is gone on A too");
    assertTrue(onA.header("Location").endsWith("/admin/login"), onA.toString());
  }

  @Test
  void tenUploadsToOneNameAtOnceThroughBothNodesLeaveExactlyOneOfThem() throws Exception {
    Caller user = a.register("race");
    List<byte[]> contents =
        IntStream.range(0, 10).mapToObj(i -> Bytes.random(6 * MiB + i, 20 + i)).toList();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Res>> uploads =
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          awaitUninterruptibly(go);
                          return (i % 2 == 0 ? a : b)
                              .putBytes("/api/v1/files/race.bin", user, contents.get(i));
                        }))
            .toList();
    go.countDown();
    for (CompletableFuture<Res> upload : uploads) {
      Res answer = upload.join();
      assertTrue(answer.status() == 200 || answer.status() == 201, answer.toString());
    }

    assertEquals(List.of("race.bin"), both.fileNames(user));
    byte[] stored = both.get("/api/v1/files/race.bin", user).bytes();
    assertTrue(
        contents.stream().anyMatch(content -> Arrays.equals(content, stored)),
        "the file is one of the ten uploads, whole");
    Res report = both.get("/api/v1/admin/verify?deep=true", both.admin());
    assertTrue(report.object().getBoolean("consistent"), report.toString());
    assertEquals(0, unfinishedUploads(), "nothing of the other nine is left in the store");
  }

  @Test
  void aResumableUploadBegunThroughOneNodeEndsThroughTheOther() {
    Caller user = a.register("tus");
    byte[] content = Bytes.random(21 * MiB + 7, 15);
    String path = a.newUpload(user, "resumed.bin", content.length);
    int half = 10 * MiB + 3; // inside a part, so B needs the bytes short of one that A kept
    Res first = a.sendPiece(user, path, 0, Arrays.copyOf(content, half));
    assertEquals(204, first.status(), first.toString());

    assertEquals(half, b.uploadOffset(user, path), "B knows how far A got");
    Res rest = b.sendPiece(user, path, half, Arrays.copyOfRange(content, half, content.length));
    assertEquals(204, rest.status(), rest.toString());
    assertArrayEquals(content, a.get("/api/v1/files/resumed.bin", user).bytes());
    Res report = a.get("/api/v1/admin/verify?deep=true", a.admin());
    assertTrue(report.object().getBoolean("consistent"), report.toString());
  }

  @Test
  void aSecondPieceOfOneUploadThroughTheOtherNodeIsRefusedWhileTheFirstArrives() throws Exception {
    Caller user = a.register("tuslock");
    byte[] content = Bytes.random(10 * MiB, 16);
    String path = a.newUpload(user, "locked.bin", content.length);
    CountDownLatch hold = new CountDownLatch(1);
    CutBody body = CutBody.pausing(content, 9 * MiB, hold);
    CompletableFuture<HttpResponse<Void>> first =
        a.http()
            .sendAsync(
                a.uploadPiece(user, path, 0)
                    .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> body), content.length))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    // 9 MiB sent: A's piece holds the upload (a probe before it could take the lock from A)
    await().atMost(Duration.ofSeconds(30)).until(body::reachedPause);
    // an empty piece at the start changes nothing: it answers 409 while A's piece holds the upload
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> b.sendPiece(user, path, 0, new byte[0]).status() == 409);
    Res second = b.sendPiece(user, path, 0, Bytes.random(MiB, 17));
    assertEquals(409, second.status(), second.toString());

    hold.countDown();
    assertEquals(204, first.get(60, TimeUnit.SECONDS).statusCode());
    assertArrayEquals(content, b.get("/api/v1/files/locked.bin", user).bytes(), "A's bytes only");
  }

  @Test
  void aUsersUploadsAtOnceCountOnBothNodesTogether() throws Exception {
    Caller user = a.register("slots");
    byte[] content = Bytes.random(10 * MiB, 18);
    CountDownLatch hold = new CountDownLatch(1);
    // as many held uploads as one user may have running, half of them through each node
    List<CompletableFuture<HttpResponse<Void>>> held =
        IntStream.range(0, UPLOADS_AT_ONCE)
            .mapToObj(
                i ->
                    putAsync(
                        i % 2 == 0 ? a : b,
                        user,
                        "held-" + i + ".bin",
                        () -> CutBody.pausing(content, 9 * MiB, hold)))
            .toList();
    try {
      // each in the store, so each holds its slot
      await().atMost(Duration.ofSeconds(60)).until(() -> unfinishedUploads() == UPLOADS_AT_ONCE);
      byte[] oneMore = Bytes.random(MiB, 19);
      for (Api node : List.of(a, b)) { // counted per node, each would have room for five more
        Res refused = node.putBytes("/api/v1/files/one-more.bin", user, oneMore);
        assertEquals(429, refused.status(), refused.toString());
        assertEquals("5", refused.header("Retry-After"));
      }
    } finally {
      hold.countDown(); // a failure above leaves no upload to hold up the tests after it
    }
    for (CompletableFuture<HttpResponse<Void>> upload : held) {
      assertEquals(201, upload.get(60, TimeUnit.SECONDS).statusCode());
    }
    Res freed = b.putBytes("/api/v1/files/one-more.bin", user, Bytes.random(MiB, 19));
    assertEquals(201, freed.status(), "the slots came back: " + freed);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1) // restarts a node
  void aNodeThatStartsLeavesTheOtherNodesUploadsAlone() throws Exception {
    Caller user = a.register("inflight");
    byte[] content = Bytes.random(10 * MiB, 14);
    nodeB.close();
    // an upload into A, a part of it in S3 already, trickling while B starts
    CountDownLatch hold = new CountDownLatch(1);
    CompletableFuture<HttpResponse<Void>> upload =
        putAsync(a, user, "inflight.bin", () -> CutBody.pausing(content, 9 * MiB, hold));
    await().atMost(Duration.ofSeconds(30)).until(() -> unfinishedUploads() == 1);

    nodeB.start();
    await().atMost(Duration.ofMinutes(2)).until(() -> members(b).split(",").length == 2);
    assertEquals(1, unfinishedUploads(), "B's start left A's upload alone");
    hold.countDown();
    assertEquals(201, upload.get(60, TimeUnit.SECONDS).statusCode(), "and A finished it");
    assertArrayEquals(content, b.get("/api/v1/files/inflight.bin", user).bytes());
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // kills a node; the others run first
  void aKilledNodeGoesUnnoticedByDownloadsAndItsUnfinishedUploadGoesWhenItReturns()
      throws Exception {
    Caller user = both.register("failover");
    byte[] content = Bytes.random(9 * MiB, 12);
    assertEquals(201, both.putBytes("/api/v1/files/kept.bin", user, content).status());
    // an upload into A, a part of it in S3 already, when A dies
    CountDownLatch never = new CountDownLatch(1);
    CompletableFuture<HttpResponse<Void>> cut =
        putAsync(
            a, user, "cut.bin", () -> new CutBody(Bytes.random(9 * MiB, 13), 0, 9 * MiB, never));
    await().atMost(Duration.ofSeconds(30)).until(() -> unfinishedUploads() == 1);

    nodeA.kill();
    never.countDown();
    cut.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    assertEquals(1, unfinishedUploads(), "B leaves alone what is not its to judge");
    for (int i = 0; i < 6; i++) { // the balancer's round robin would give A half of them
      assertArrayEquals(content, both.get("/api/v1/files/kept.bin", user).bytes(), "request " + i);
    }
    Res report = both.get("/api/v1/admin/verify?deep=true", both.admin());
    assertTrue(report.object().getBoolean("consistent"), report.toString());

    nodeA.start();
    await().atMost(Duration.ofMinutes(2)).until(() -> members(b).split(",").length == 2);
    assertArrayEquals(content, a.get("/api/v1/files/kept.bin", user).bytes(), "A is back");
    assertEquals(0, unfinishedUploads(), "and its start aborted the upload it left");
    assertEquals(List.of("kept.bin"), both.fileNames(user));
  }

  /** A raw PUT through {@code node} with the body {@code body} gives, answered when it ends. */
  private static CompletableFuture<HttpResponse<Void>> putAsync(
      Api node, Caller user, String name, Supplier<InputStream> body) {
    return node.http()
        .sendAsync(
            user.sign(
                    node.request("/api/v1/files/" + name)
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
  }

  private java.util.stream.Stream<String> accessLogs() throws Exception {
    List<String> lines = new java.util.ArrayList<>();
    for (String node : new String[] {"a", "b"}) {
      Path log = dir.resolve("access-" + node + ".log");
      if (java.nio.file.Files.exists(log)) {
        lines.addAll(java.nio.file.Files.readAllLines(log));
      }
    }
    return lines.stream();
  }

  private static Res login(Api node, String username, String password) {
    return node.sendJson(
        "POST",
        "/api/v1/auth/login",
        Caller.ANONYMOUS,
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  private static JsonObject readiness(Api node) {
    Res ready = node.get("/health/ready", Caller.ANONYMOUS);
    return ready.object().getJsonArray("checks").stream()
        .map(check -> check.asJsonObject())
        .filter(check -> check.getString("name").equals("node"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data");
  }

  private static String members(Api node) {
    return readiness(node).getString("members");
  }
}
