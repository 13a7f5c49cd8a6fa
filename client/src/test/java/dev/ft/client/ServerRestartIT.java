package dev.ft.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ft against one server, {@code payara/serve} on MariaDB, that is killed with {@code kill -9} in
 * the middle of an upload and started again: every byte it had acknowledged is still there, and the
 * same {@code ft upload} sends only the rest.
 */
class ServerRestartIT {
  private static final Path DIR =
      Path.of(System.getProperty("ft.it.dir")).resolveSibling("restart");
  private static final int PORT = 18941;
  private static final String DATABASE = "ft_client_restart_it";
  private static final long MiB = Machine.MiB;
  private static final long PIECE = 8 * MiB; // what ft sends per PATCH
  private static final Path CACERT = DIR.resolve("data/tls/certificate.pem");

  private Process server;

  @AfterEach
  void stopServer() throws Exception {
    if (server != null && server.isAlive()) {
      Machine.crash(server.pid());
    }
  }

  @Test
  void anUploadCutByAServerCrashResumesAfterItsRestartAndSendsOnlyTheRest() throws Exception {
    Machine.deleteRecursively(DIR);
    Machine.freshDatabase(DATABASE);
    startServer();
    Path home = Files.createDirectories(DIR.resolve("terminal"));
    String address = "https://localhost:" + PORT;
    Run run = new Run(home.resolve("config"), CACERT, address);
    String password = "correct horse battery";
    assertOk(run.withStdin(password + "\n", "register", "mover", "--password-stdin"));
    assertOk(run.withStdin(password + "\n", "login", "mover", "--password-stdin"));
    long size = 256 * MiB;
    Path file = Machine.randomFile(home, "crash.bin", size, 5);

    Process uploading = Machine.ft(home, CACERT, address, "upload", file.toString());
    await()
        .atMost(Duration.ofMinutes(2))
        .failFast("the upload ended before the crash", () -> !uploading.isAlive())
        .until(() -> Machine.bytesReceived(CACERT, PORT) >= 64 * MiB);
    double receivedBeforeCrash = Machine.bytesReceived(CACERT, PORT);
    Machine.crash(server.pid());
    uploading.destroyForcibly().waitFor();
    startServer();

    Run.Result resumed = run.ft("upload", file.toString());
    assertOk(resumed);
    Matcher at =
        Pattern.compile("resuming crash.bin at (\\S+ \\S+) of")
            .matcher(resumed.out() + resumed.err());
    assertTrue(at.find(), resumed.toString());
    long held = size - (long) Machine.bytesReceived(CACERT, PORT); // what the restart did not need
    assertTrue(
        held >= receivedBeforeCrash - PIECE,
        "the server had received "
            + receivedBeforeCrash
            + " bytes, all but the piece in flight acknowledged; after its restart it held "
            + held
            + " ("
            + at.group(1)
            + ")");
    Path downloads = Files.createDirectories(home.resolve("downloads"));
    assertOk(run.ft("download", "crash.bin", "-o", downloads.toString()));
    assertEquals(-1, Files.mismatch(file, downloads.resolve("crash.bin")), "the same bytes");
  }

  private void startServer() throws Exception {
    server =
        Machine.serve(
            DIR,
            PORT,
            CACERT,
            Map.of("FT_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + DATABASE, "FT_DB_USER", "root"));
  }

  private static void assertOk(Run.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
  }
}
