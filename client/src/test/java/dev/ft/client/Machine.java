package dev.ft.client;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the tests that run servers and ft as processes of their own do on this machine: commands, a
 * fresh MariaDB database, big local files, ft as a process to kill, and the servers' count of bytes
 * received.
 */
final class Machine {
  static final long MiB = 1024 * 1024;

  private static final Path REPO = Path.of(System.getProperty("ft.it.repo")).normalize();

  private Machine() {}

  /**
   * {@code payara/serve} with its data in {@code dir/data}, in a process group of its own (so a
   * crash takes all of it), once it answers its readiness probe; the log goes to {@code
   * dir/server.log}. {@code env} adds to and overrides the settings given here.
   */
  static Process serve(Path dir, int port, Path cacert, Map<String, String> env) throws Exception {
    ProcessBuilder serve =
        new ProcessBuilder("setsid", REPO.resolve("payara/serve").toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    Files.createDirectories(dir).resolve("server.log").toFile()));
    serve.environment().put("FT_DATA_DIR", dir.resolve("data").toString());
    serve.environment().put("FT_HTTPS_PORT", Integer.toString(port));
    // a training run would cost every fresh data folder most of a minute
    serve.environment().put("FT_AOT_CACHE", "off");
    serve.environment().putAll(env);
    Process server = serve.start();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .failFast("payara/serve gave up: see " + dir.resolve("server.log"), () -> !server.isAlive())
        .until(() -> isReady(cacert, port));
    return server;
  }

  /** Stops a server as Ctrl-C would, or kills it when it has not stopped within half a minute. */
  static void stop(Process server) throws Exception {
    server.destroy();
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      crash(server.pid());
    }
  }

  /** Runs a command to its end; answers what it printed, or fails with it. */
  static String command(String... args) throws Exception {
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  /** An empty database on the MariaDB at 127.0.0.1:3306 (root, no password). */
  static void freshDatabase(String name) throws Exception {
    command(
        "mariadb",
        "--protocol=TCP",
        "-h127.0.0.1",
        "-uroot",
        "-e",
        "DROP DATABASE IF EXISTS "
            + name
            + "; CREATE DATABASE "
            + name
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;");
  }

  /** Kills a process and its process group at once, as a crash would. */
  static void crash(long groupLeader) throws Exception {
    command("kill", "-KILL", "--", "-" + groupLeader);
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var all = Files.walk(dir)) {
        for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** A file of {@code size} random bytes in {@code home}/files. */
  static Path randomFile(Path home, String name, long size, long seed) throws IOException {
    Path file = Files.createDirectories(home.resolve("files")).resolve(name);
    Random random = new Random(seed);
    byte[] block = new byte[(int) MiB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += block.length) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(block.length, size - written));
      }
    }
    return file;
  }

  /**
   * ft as a process of its own, for a test to kill, with the config folder of {@code home} and its
   * output in {@code home}/ft-COMMAND.log.
   */
  static Process ft(Path home, Path cacert, String server, String... args) throws IOException {
    List<String> all = new ArrayList<>();
    all.add(ProcessHandle.current().info().command().orElse("java"));
    all.addAll(List.of("-jar", System.getProperty("ft.it.jar")));
    all.addAll(List.of("--server", server));
    all.addAll(List.of("--config-dir", home.resolve("config").toString()));
    all.addAll(List.of("--cacert", cacert.toString()));
    all.addAll(List.of(args));
    return new ProcessBuilder(all)
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("ft-" + args[0] + ".log").toFile())
        .start();
  }

  /** Whether the server on {@code port} answers its readiness probe with 200. */
  static boolean isReady(Path cacert, int port) {
    try {
      command(
          "curl",
          "-fsS",
          "-o",
          "/dev/null",
          "--cacert",
          cacert.toString(),
          "https://localhost:" + port + "/health/ready");
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** The bytes of uploads the servers on {@code ports} received since they started. */
  static double bytesReceived(Path cacert, int... ports) throws Exception {
    double sum = 0;
    for (int port : ports) {
      String metrics =
          command(
              "curl",
              "-fsS",
              "--cacert",
              cacert.toString(),
              "https://localhost:" + port + "/metrics");
      for (String line : metrics.split("\n")) {
        if (line.startsWith("ft_uploaded_bytes_total")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return sum;
  }
}
