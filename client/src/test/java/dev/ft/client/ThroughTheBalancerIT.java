package dev.ft.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * ft against two nodes behind nginx, as {@code payara/cluster} starts them (s3proxy or one shared
 * folder for the bytes, as a subclass says; MariaDB for the rest): a gibibyte goes up in resumable
 * pieces that the balancer spreads over both nodes and comes back whole; an upload cut off by
 * killing ft resumes and sends only what the server lacks; when a node dies, a download cut off
 * with it resumes through the other one, and an upload goes on there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ThroughTheBalancerIT {
  private static final Path REPO = Path.of(System.getProperty("ft.it.repo")).normalize();
  private static final int FIRST_NODE_PORT = 18931;
  private static final int BALANCER_PORT = 18935;
  private static final String DATABASE = "ft_client_cluster_it";
  private static final long MiB = Machine.MiB;
  private static final long PIECE = 8 * MiB; // what ft sends per PATCH

  /** Where the nodes keep the bytes: {@code payara/cluster}'s {@code FT_CLUSTER_STORE}. */
  private final String store;

  private final Path dir;
  private Run run;
  private Path home;

  ThroughTheBalancerIT(String store) {
    this.store = store;
    this.dir = Path.of(System.getProperty("ft.it.dir")).resolveSibling("cluster-" + store);
  }

  @BeforeAll
  void startTwoNodesBehindNginx() throws Exception {
    cluster("stop"); // what an earlier run may have left
    Machine.freshDatabase(DATABASE);
    Machine.deleteRecursively(dir);
    cluster("start", "2");
    home = Files.createDirectories(dir.resolve("terminal"));
    run =
        new Run(
            home.resolve("config"),
            dir.resolve("tls/certificate.pem"),
            "https://localhost:" + BALANCER_PORT);
    String password = "correct horse battery";
    assertOk(run.withStdin(password + "\n", "register", "mover", "--password-stdin"));
    assertOk(run.withStdin(password + "\n", "login", "mover", "--password-stdin"));
  }

  /** The bytes of uploads both nodes have received so far, from their metrics. */
  private double bytesReceived() throws Exception {
    return Machine.bytesReceived(
        dir.resolve("tls/certificate.pem"), FIRST_NODE_PORT, FIRST_NODE_PORT + 1);
  }

  /** ft as a process of its own, for a test to kill, against the balancer. */
  private Process ft(String... args) throws IOException {
    return Machine.ft(
        home, dir.resolve("tls/certificate.pem"), "https://localhost:" + BALANCER_PORT, args);
  }

  @AfterAll
  void stop() throws Exception {
    cluster("stop");
  }

  @Test
  @Order(1)
  void aGibibyteGoesUpInPiecesOverBothNodesAndComesBackWhole() throws Exception {
    Path file = Machine.randomFile(home, "big.bin", 1024 * MiB, 1);
    assertOk(run.ft("upload", file.toString()));
    Path downloads = Files.createDirectories(home.resolve("downloads"));
    assertOk(run.ft("download", "big.bin", "-o", downloads.toString()));
    assertEquals(-1, Files.mismatch(file, downloads.resolve("big.bin")), "the same bytes");
    for (String node : List.of("node-1", "node-2")) {
      assertTrue(
          Files.readString(dir.resolve(node + ".log")).contains("method=PATCH"),
          node + " took pieces of the upload");
    }
  }

  @Test
  @Order(2)
  void anUploadCutByKillingFtResumesAndSendsOnlyWhatTheServerLacks() throws Exception {
    long size = 256 * MiB;
    Path file = Machine.randomFile(home, "cut.bin", size, 2);
    double before = bytesReceived();
    Process cut = ft("upload", file.toString());
    await()
        .atMost(Duration.ofMinutes(2))
        .failFast("the upload ended before it was cut", () -> !cut.isAlive())
        .until(() -> bytesReceived() - before >= 64 * MiB);
    cut.destroyForcibly().waitFor();

    Run.Result resumed = run.ft("upload", file.toString());
    assertOk(resumed);
    assertTrue((resumed.out() + resumed.err()).contains("resuming cut.bin at"), resumed.toString());
    double sent = bytesReceived() - before;
    assertTrue(
        sent <= size + PIECE,
        "both runs together sent "
            + sent
            + " bytes for a file of "
            + size
            + ": one piece again at most");
    Path downloads = Files.createDirectories(home.resolve("downloads"));
    assertOk(run.ft("download", "cut.bin", "-o", downloads.toString()));
    assertEquals(-1, Files.mismatch(file, downloads.resolve("cut.bin")));
  }

  @Test
  @Order(3) // kills a node
  void transfersCutOffWithTheirNodeGoOnThroughTheOtherNode() throws Exception {
    Path downloads = Files.createDirectories(home.resolve("again"));
    Path part = downloads.resolve(".big.bin.part");
    Path upload = Machine.randomFile(home, "during.bin", 256 * MiB, 4);
    double before = bytesReceived();
    Process uploading = ft("upload", upload.toString());
    Process downloading = ft("download", "big.bin", "-o", downloads.toString());
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .failFast("the download ended before it was cut", () -> !downloading.isAlive())
        .until(() -> Files.exists(part) && Files.size(part) >= 100 * MiB);
    await()
        .atMost(Duration.ofMinutes(2))
        .failFast("the upload ended before node 1 was killed", () -> !uploading.isAlive())
        .until(() -> bytesReceived() - before >= 32 * MiB);
    Machine.crash(Long.parseLong(Files.readString(dir.resolve("node-1.pid")).strip()));
    downloading.destroyForcibly().waitFor();

    Run.Result resumed = run.ft("--verbose", "download", "big.bin", "-o", downloads.toString());
    assertOk(resumed);
    assertTrue(
        resumed.err().contains("> Range: bytes=") && resumed.err().contains("< 206"),
        "only the rest was asked for: " + resumed.err());
    assertEquals(-1, Files.mismatch(home.resolve("files/big.bin"), downloads.resolve("big.bin")));

    // the piece node 1 had is sent again through node 2, from the offset node 2 reports
    assertTrue(uploading.waitFor(5, TimeUnit.MINUTES), "the upload's run ends");
    assertEquals(
        0,
        uploading.exitValue(),
        "the upload went on by itself: " + Files.readString(home.resolve("ft-upload.log")));
    assertOk(run.ft("download", "during.bin", "-o", downloads.toString()));
    assertEquals(-1, Files.mismatch(upload, downloads.resolve("during.bin")));
  }

  private void cluster(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(REPO.resolve("payara/cluster").toString()));
    all.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(all).redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "FT_CLUSTER_DIR",
                dir.toString(),
                "FT_CLUSTER_NAME",
                "ft-client-it",
                "FT_CLUSTER_STORE",
                store,
                "FT_DB_URL",
                "jdbc:mysql://127.0.0.1:3306/" + DATABASE,
                "FT_DB_USER",
                "root",
                "FT_HTTPS_PORT",
                Integer.toString(FIRST_NODE_PORT),
                "FT_BALANCER_PORT",
                Integer.toString(BALANCER_PORT),
                "FT_S3_PORT",
                Integer.toString(BALANCER_PORT + 1),
                "FT_CLUSTER_PORT",
                Integer.toString(BALANCER_PORT + 2),
                "FT_ACCESS_LOG",
                "on"));
    Files.createDirectories(dir.getParent());
    Process process =
        builder
            .redirectOutput(dir.resolveSibling(dir.getFileName() + "-" + args[0] + ".log").toFile())
            .start();
    if (!process.waitFor(6, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "payara/cluster " + String.join(" ", args) + " failed; see " + dir.getParent());
    }
  }

  private static void assertOk(Run.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
  }
}
