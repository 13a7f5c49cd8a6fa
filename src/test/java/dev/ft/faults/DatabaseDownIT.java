package dev.ft.faults;

import static dev.ft.faults.Commands.run;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import dev.ft.it.Bytes;
import dev.ft.it.ServeProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * MariaDB stopped under a running server, then started again. Runs only in the build's MariaDB pass
 * (profile {@code mariadb}, which sets {@code it.faults.db.url}): H2 lives inside the server and
 * cannot go away on its own. It stops the machine's MariaDB, so it runs alone, after the other
 * fault tests, and always starts MariaDB again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseDownIT {
  private static final int PORT = 18888;

  /**
   * "Within a few seconds", as an operator expects of a lost database, with room for a loaded CI
   * machine.
   */
  private static final Duration PROMPT = Duration.ofSeconds(5);

  private ServeProcess server;
  private Api api;

  @BeforeAll
  void startServerOnMariaDb() throws Exception {
    assertTrue(
        ServeProcess.configuredDatabase().containsKey("FT_DB_URL"),
        "this test needs -Dit.faults.db.url pointing at the local MariaDB");
    Path dir = Path.of(System.getProperty("ft.faults.dir"), "dbdown");
    server =
        new ServeProcess(
                dir.resolve("data"),
                PORT,
                MariaDb.freshDatabaseBeside(ServeProcess.configuredDatabase()))
            .start();
    api = server.api();
  }

  @AfterAll
  void stopServerAndRestoreMariaDb() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      MariaDb.start();
    }
  }

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
    Caller user = api.register("dbdown");
    byte[] kept = Bytes.random(256 * 1024, 7);
    assertEquals(201, api.putBytes("/api/v1/files/kept.bin", user, kept).status());
    long pid = server.pid();

    MariaDb.stop();
    try {
      assertPromptProblem503(() -> api.get("/api/v1/files", user));
      assertPromptProblem503(() -> api.get("/api/v1/public", Caller.ANONYMOUS));
      assertPromptProblem503(
          () ->
              api.sendJson(
                  "POST",
                  "/api/v1/auth/login",
                  Caller.ANONYMOUS,
                  "{\"username\":\""
                      + user.username()
                      + "\",\"password\":\""
                      + Api.PASSWORD
                      + "\"}"));
      assertPromptProblem503(
          () -> api.putBytes("/api/v1/files/lost.bin", user, Bytes.random(1024 * 1024, 8)));
      assertNoPendingUploads();

      Res ready = timed(() -> api.get("/health/ready", Caller.ANONYMOUS));
      assertEquals(503, ready.status(), ready.toString());
      assertTrue(ready.text().contains("DOWN"), ready.toString());
    } finally {
      MariaDb.start();
    }

    Res list = awaitStatus(200, () -> api.get("/api/v1/files", user), Duration.ofSeconds(30));
    assertEquals(
        List.of("kept.bin"),
        list.array().stream().map(v -> v.asJsonObject().getString("name")).toList(),
        "the upload refused while the database was down left no trace");
    assertArrayEquals(kept, api.get("/api/v1/files/kept.bin", user).bytes());
    assertEquals(201, api.putBytes("/api/v1/files/after.bin", user, new byte[1000]).status());
    assertEquals(200, api.get("/health/ready", Caller.ANONYMOUS).status());
    assertEquals(pid, server.pid(), "recovered without a restart");
    Res report = api.get("/api/v1/admin/verify?deep=true", api.admin());
    assertTrue(report.object().getBoolean("consistent"), report.toString());
  }

  private void assertPromptProblem503(Supplier<Res> request) {
    Res res = timed(request);
    assertEquals(503, res.status(), res.toString());
    assertTrue(res.header("Content-Type").startsWith("application/problem+json"), res.toString());
    assertTrue(res.header("Retry-After") != null, "a 503 says when to try again: " + res);
  }

  private static Res timed(Supplier<Res> request) {
    Instant start = Instant.now();
    Res res = request.get();
    Duration took = Duration.between(start, Instant.now());
    System.out.printf(
        "database down: %s answered %d in %d ms%n", res, res.status(), took.toMillis());
    assertTrue(took.compareTo(PROMPT) < 0, "answered after " + took.toMillis() + " ms: " + res);
    return res;
  }

  private static Res awaitStatus(int status, Supplier<Res> request, Duration patience) {
    Res[] last = new Res[1];
    await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> (last[0] = request.get()).status() == status);
    return last[0];
  }

  private void assertNoPendingUploads() throws Exception {
    try (Stream<Path> left = Files.list(server.dataDir().resolve("tmp"))) {
      assertEquals(List.of(), left.toList(), "no unfinished upload may stay behind");
    }
  }

  /** The machine's MariaDB, as .ci/run starts it. */
  private static final class MariaDb {
    /**
     * An empty database of its own next to the configured one: its data folder is new, and the
     * consistency check must not see the other fault tests' files.
     */
    static Map<String, String> freshDatabaseBeside(Map<String, String> configured)
        throws Exception {
      URI url = URI.create(configured.get("FT_DB_URL").substring("jdbc:".length()));
      String name = url.getPath().substring(1) + "_down";
      run(
          "mariadb",
          "--protocol=TCP",
          "-h127.0.0.1",
          "-uroot",
          "-e",
          "DROP DATABASE IF EXISTS "
              + name
              + "; CREATE DATABASE "
              + name
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      Map<String, String> env = new HashMap<>(configured);
      env.put("FT_DB_URL", "jdbc:" + url.resolve("/" + name));
      return env;
    }

    static void stop() throws Exception {
      run("mariadb-admin", "--protocol=TCP", "-h127.0.0.1", "-uroot", "shutdown");
      awaitPing(false);
    }

    static void start() throws Exception {
      if (!ping()) {
        run(
            "start-stop-daemon",
            "--start",
            "--oknodo",
            "--background",
            "--exec",
            "/usr/sbin/mariadbd");
        awaitPing(true);
      }
    }

    private static void awaitPing(boolean up) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .alias("MariaDB " + (up ? "starts" : "stops"))
          .until(() -> ping() == up);
    }

    private static boolean ping() throws Exception {
      Process p =
          new ProcessBuilder("mariadb-admin", "--protocol=TCP", "-h127.0.0.1", "-uroot", "ping")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
  }
}
