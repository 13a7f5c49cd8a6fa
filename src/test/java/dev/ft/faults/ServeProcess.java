package dev.ft.faults;

import dev.ft.it.Api;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The server as an operator runs it: {@code payara/serve} in its own process, with its data
 * folder and database, stopped or killed by its own PID.
 */
final class ServeProcess implements AutoCloseable {
  static final String ADMIN_PASSWORD = "faults-admin-password";

  private final Path dataDir;
  private final int port;
  private final Map<String, String> env;
  private Process process;
  private int starts;

  ServeProcess(Path dataDir, int port, Map<String, String> env) {
    this.dataDir = dataDir;
    this.port = port;
    this.env = env;
  }

  /** FT_DB_URL and FT_DB_USER for the database the build names ({@code it.faults.db.url}); none means H2. */
  static Map<String, String> configuredDatabase() {
    String url = System.getProperty("ft.faults.db.url", "");
    if (url.isBlank()) {
      return Map.of();
    }
    return Map.of("FT_DB_URL", url, "FT_DB_USER", System.getProperty("ft.it.db.user", "root"));
  }

  ServeProcess start() throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("payara/serve")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder.environment().putAll(Map.of("FT_DATA_DIR", dataDir.toString(), "FT_HTTPS_PORT", Integer.toString(port),
        "FT_ADMIN_PASSWORD", ADMIN_PASSWORD, "FT_BCRYPT_COST", "4", "JAVA_OPTS", "-Xmx256m"));
    builder.environment().putAll(env); // a test's own settings win over these defaults
    Files.createDirectories(dataDir);
    process = builder.start();
    starts++;
    try {
      awaitReady();
    } catch (IllegalStateException stalled) {
      // Seen once in CI: a boot that stopped after the listener started (see the closing note of
      // the session that added this). One fresh start, and the failure stands if it stalls again.
      if (starts > 1 || !process.isAlive()) {
        throw stalled;
      }
      kill();
      process = builder.start();
      starts++;
      awaitReady();
    }
    return this;
  }

  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("payara/serve exited with " + process.exitValue() + "; see the log beside "
            + dataDir);
      }
      if (Files.exists(certificate())) {
        try {
          if (api().get("/api/v1/public", Api.Caller.ANONYMOUS).status() == 200) {
            return;
          }
        } catch (RuntimeException e) {
          // not listening yet
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("payara/serve was not ready within 3 minutes");
  }

  /** Everything the server printed, across restarts. */
  Path log() {
    return dataDir.resolveSibling("serve-" + port + ".log");
  }

  Path certificate() {
    return dataDir.resolve("tls/certificate.pem");
  }

  Api api() {
    return Api.forServer(URI.create("https://localhost:" + port), certificate(), ADMIN_PASSWORD);
  }

  long pid() {
    return process.pid();
  }

  Path dataDir() {
    return dataDir;
  }

  /** kill -9: no shutdown hook, no clean-up, as in a power cut of the process. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
