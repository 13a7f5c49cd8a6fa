package dev.ft.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it: {@code payara/serve} in its own process, with its data folder
 * and database, stopped or killed by its own PID.
 */
public final class ServeProcess implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "faults-admin-password";

  /**
   * The tag of the fault tests whose servers run on {@link #configuredDatabase()}. A build that
   * names a database runs only these again on it (pom.xml, profile mariadb): the others do the same
   * whatever the build names.
   */
  public static final String ON_CONFIGURED_DATABASE = "configured-database";

  private static final int START_TIMEOUT_SECONDS = 90;
  private static final int START_ATTEMPTS = 3;
  private static final Duration READY_WITHIN =
      Duration.ofSeconds(START_TIMEOUT_SECONDS * (START_ATTEMPTS + 1));

  private final Path dataDir;
  private final int port;
  private final Map<String, String> env;
  private final Api givenApi;
  private Process process;

  /** A server on a certificate of its own, made in its data folder on its first start. */
  public ServeProcess(Path dataDir, int port, Map<String, String> env) {
    this(dataDir, port, env, null);
  }

  /** A server on a keystore of the caller's ({@code FT_KEYSTORE}), reached through {@code api}. */
  public ServeProcess(Path dataDir, int port, Map<String, String> env, Api api) {
    this.dataDir = dataDir;
    this.port = port;
    this.env = env;
    this.givenApi = api;
  }

  /**
   * FT_DB_URL and FT_DB_USER for the database the build names for the fault tests ({@code
   * it.faults.db.url}); none means H2.
   */
  public static Map<String, String> configuredDatabase() {
    return databaseNamedBy("ft.faults.db.url");
  }

  /** FT_DB_URL and FT_DB_USER for the database in the system property {@code urlProperty}. */
  static Map<String, String> databaseNamedBy(String urlProperty) {
    String url = System.getProperty(urlProperty, "");
    if (url.isBlank()) {
      return Map.of();
    }
    return Map.of("FT_DB_URL", url, "FT_DB_USER", System.getProperty("ft.it.db.user", "root"));
  }

  public ServeProcess start() throws IOException, InterruptedException {
    launch();
    awaitReady();
    return this;
  }

  /**
   * Starts payara/serve without waiting: several servers boot at once, then {@link #awaitStarted}.
   */
  public ServeProcess startInBackground() throws IOException {
    launch();
    return this;
  }

  public ServeProcess awaitStarted() {
    awaitReady();
    return this;
  }

  /** Starts a server that is expected to refuse to start; returns payara/serve's exit status. */
  public int runUntilExit(Duration within) throws IOException, InterruptedException {
    launch();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError("payara/serve still runs after " + within);
    }
    return process.exitValue();
  }

  private void launch() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("payara/serve")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder
        .environment()
        .putAll(
            Map.of(
                "FT_DATA_DIR",
                dataDir.toString(),
                "FT_HTTPS_PORT",
                Integer.toString(port),
                "FT_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "FT_BCRYPT_COST",
                "4",
                "JAVA_OPTS",
                "-Xmx256m",
                // tests register and upload in bulk from one address and one user
                "FT_REGISTRATION_MAX_PER_ADDRESS",
                "100000",
                "FT_MAX_CONCURRENT_UPLOADS_PER_USER",
                "64",
                "FT_START_TIMEOUT",
                Integer.toString(START_TIMEOUT_SECONDS),
                "FT_START_ATTEMPTS",
                Integer.toString(START_ATTEMPTS),
                // a training run costs each fresh data folder most of a minute; one test has it
                "FT_AOT_CACHE",
                "off"));
    builder.environment().putAll(env); // a test's own settings win over these defaults
    Files.createDirectories(dataDir);
    // A boot that hangs is payara/serve's to notice and restart, within its own bound.
    process = builder.start();
  }

  private void awaitReady() {
    await()
        .atMost(READY_WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions() // not listening yet
        .failFast("payara/serve exited; see the log beside " + dataDir, () -> !process.isAlive())
        .until(
            () ->
                (givenApi != null || Files.exists(certificate()))
                    && api().get("/api/v1/public", Api.Caller.ANONYMOUS).status() == 200);
  }

  /** Everything the server printed, across restarts. */
  public Path log() {
    return dataDir.resolveSibling("serve-" + port + ".log");
  }

  public Path certificate() {
    return dataDir.resolve("tls/certificate.pem");
  }

  public Api api() {
    if (givenApi != null) {
      return givenApi;
    }
    return Api.forServer(URI.create("https://localhost:" + port), certificate(), ADMIN_PASSWORD);
  }

  /** The server's JVM, which payara/serve starts and supervises as its child. */
  public long pid() {
    return process
        .children()
        .filter(
            child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("payara/serve has no JVM running"))
        .pid();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** kill -9: no shutdown hook, no clean-up, as in a power cut of the process. */
  public void kill() throws InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
    tree.forEach(left -> left.onExit().join());
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
