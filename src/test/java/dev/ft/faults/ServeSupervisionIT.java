package dev.ft.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.ServeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * payara/serve supervises the start of its server: one that does not answer within FT_START_TIMEOUT
 * gets a thread dump in the log, is killed and started again, a bounded number of times. A bound
 * far shorter than any boot stands in for a hung boot here. It makes later starts faster with an
 * AOT cache that its first start trains, and refuses a cluster node whose database or store is its
 * own.
 */
class ServeSupervisionIT {
  private static final String TRAINING = "a training run makes an AOT cache";

  /**
   * With FT_AOT_CACHE=on the first start runs one training run. A cache it makes is mapped by every
   * later start; a training run that makes none (JDK 25.0.3 crashes assembling this WAR's cache)
   * never keeps the server from starting, and the log says so.
   */
  @Test
  void anAotCacheIsTrainedOnceAndMappedOrTheServerStartsWithoutOne() throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("ft.faults.dir"), "aot"));
    Path cache = dir.toRealPath().resolve("data/payara/ft.aot");
    try (ServeProcess server =
        new ServeProcess(dir.resolve("data"), 18991, Map.of("FT_AOT_CACHE", "on")).start()) {
      if (Runtime.version().feature() < 25) { // payara/serve runs on the JDK this build runs on
        assertTrue(Files.readString(server.log()).contains("makes no AOT cache"));
        return;
      }
      String first = Files.readString(server.log());
      assertEquals(1, first.split(TRAINING, -1).length - 1, "one training run: " + first);
      boolean made = first.contains("made the AOT cache " + cache);
      if (!made) {
        assertTrue(first.contains("the training run made no AOT cache"), first);
        assertFalse(Files.exists(cache), "no half-made cache is left to load");
      }
      assertEquals(made, maps(server.pid(), cache), "the first server starts from what was made");
      server.close();
      server.start();
      assertEquals(made, maps(server.pid(), cache), "so does the next one");
      String log = Files.readString(server.log());
      assertEquals(made ? 1 : 2, log.split(TRAINING, -1).length - 1, "trained again only if none");
      assertEquals(200, server.api().get("/api/v1/public", Api.Caller.ANONYMOUS).status());
    }
  }

  /**
   * A cluster's nodes share one database and one store: on the embedded H2, or on a folder not
   * marked shared, payara/serve refuses to start a node, in one line, before any server runs.
   */
  @Test
  void aClusterNodeOnTheEmbeddedDatabaseOrOnAFolderOfItsOwnIsRefused() throws Exception {
    Path dir = Path.of(System.getProperty("ft.faults.dir"), "cluster-refusals");
    ServeProcess onH2 =
        new ServeProcess(
            dir.resolve("h2"), 18992, Map.of("FT_CLUSTER_NAME", "refused", "FT_DB_URL", ""));
    assertEquals(1, onH2.runUntilExit(Duration.ofMinutes(1)));
    assertTrue(
        Files.readString(onH2.log())
            .contains("ft: FT_CLUSTER_NAME needs a database every node shares (FT_DB_URL)"),
        Files.readString(onH2.log()));

    ServeProcess onItsOwnFolder =
        new ServeProcess(
            dir.resolve("folder"),
            18993,
            Map.of(
                "FT_CLUSTER_NAME",
                "refused",
                "FT_DB_URL",
                "jdbc:mysql://127.0.0.1:3306/ft_never_used",
                "FT_STORAGE",
                "filesystem"));
    assertEquals(1, onItsOwnFolder.runUntilExit(Duration.ofMinutes(1)));
    assertTrue(
        Files.readString(onItsOwnFolder.log())
            .contains("ft: FT_CLUSTER_NAME needs files every node reaches"),
        Files.readString(onItsOwnFolder.log()));
  }

  /** Whether the process has the file mapped into its memory, as a JVM does with its AOT cache. */
  private static boolean maps(long pid, Path file) throws IOException {
    return Files.readAllLines(Path.of("/proc/" + pid + "/maps")).stream()
        .anyMatch(line -> line.endsWith(" " + file.toAbsolutePath()));
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsDumpedKilledAndStartedAgainAFewTimes() throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("ft.faults.dir"), "supervision"));
    Path log = dir.resolve("serve.log");
    ProcessBuilder serve =
        new ProcessBuilder("payara/serve").redirectErrorStream(true).redirectOutput(log.toFile());
    serve
        .environment()
        .putAll(
            java.util.Map.of(
                "FT_DATA_DIR",
                dir.resolve("data").toString(),
                "FT_HTTPS_PORT",
                "18990",
                "FT_START_TIMEOUT",
                "3",
                "FT_START_ATTEMPTS",
                "2",
                "FT_ADMIN_PASSWORD",
                ServeProcess.ADMIN_PASSWORD));
    Process process = serve.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "payara/serve gives up by itself");
    String output = Files.readString(log);
    assertEquals(1, process.exitValue(), output);
    for (int start = 1; start <= 2; start++) {
      assertTrue(
          output.contains("did not answer within 3s (start " + start + " of 2)"), "start " + start);
    }
    assertEquals(
        2, output.split("Full thread dump", -1).length - 1, "one thread dump per stalled start");
    assertTrue(
        output.contains("did not start in 2 attempts"),
        output.lines().reduce((a, b) -> b).orElse(""));
    // no server JVM is left: the kernel may take a moment to take a killed one off its list
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ProcessHandle.allProcesses()
                    .noneMatch(p -> p.info().commandLine().orElse("").contains("--sslport 18990")));
  }
}
