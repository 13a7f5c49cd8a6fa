package dev.ft.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs ft in-process, as a person would type it, and keeps what it printed. */
public final class Run {
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\nout: " + out + "\nerr: " + err;
    }
  }

  private final Path configDir;
  private final Path cacert;
  private final String server;

  Run(Path configDir, Path cacert, String server) {
    this.configDir = configDir;
    this.cacert = cacert;
    this.server = server;
  }

  /** Another person (another terminal) against the same server. */
  Run as(Path otherConfigDir) {
    return new Run(otherConfigDir, cacert, server);
  }

  public Result ft(String... args) {
    return withStdin(null, args);
  }

  /** With {@code stdin} as standard input, e.g. for --password-stdin. */
  public synchronized Result withStdin(String stdin, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--server", server, "--config-dir", configDir.toString()));
    if (cacert != null) {
      all.addAll(List.of("--cacert", cacert.toString()));
    }
    all.addAll(List.of(args));
    return raw(stdin, all.toArray(String[]::new));
  }

  /** Exactly these arguments. */
  public static Result raw(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream originalIn = System.in;
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      }
      int code =
          Ft.commandLine()
              .setOut(new PrintWriter(out, true))
              .setErr(new PrintWriter(err, true))
              .execute(args);
      return new Result(code, out.toString(), err.toString());
    } finally {
      System.setIn(originalIn);
    }
  }
}
