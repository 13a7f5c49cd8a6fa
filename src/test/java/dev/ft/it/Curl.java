package dev.ft.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real curl, with its default options, against the test server: for what users do with
 * curl, such as uploads the server refuses before they finish.
 */
public final class Curl {
  private Curl() {}

  /** What curl reported: the HTTP status and the body it received. */
  public record Result(int status, String body) {}

  public static Result run(Api.Caller caller, String... args) {
    return run(caller, Path.of("/dev/null"), args);
  }

  /** Runs curl with {@code stdin} as its standard input, for {@code -T -}. */
  public static Result run(Api.Caller caller, Path stdin, String... args) {
    try {
      Path body = Files.createTempFile(Path.of(System.getProperty("ft.it.dir")), "curl", ".out");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "curl",
                  "-sS",
                  "--cacert",
                  System.getProperty("ft.it.dir") + "/tls/certificate.pem",
                  "-o",
                  body.toString(),
                  "-w",
                  "%{http_code}"));
      if (caller.authorization() != null) {
        command.addAll(List.of("-H", "Authorization: " + caller.authorization()));
      }
      command.addAll(List.of(args));
      Process curl =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()))
              .start();
      if (!curl.waitFor(2, TimeUnit.MINUTES)) {
        curl.destroyForcibly();
        throw new IllegalStateException("curl did not finish: " + command);
      }
      String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!out.matches("(?s).*\\d{3}")) {
        throw new IllegalStateException("curl printed no status: " + out + " for " + command);
      }
      String status = out.substring(out.length() - 3);
      String received = Files.readString(body);
      Files.delete(body);
      return new Result(Integer.parseInt(status), received);
    } catch (IOException e) {
      throw new IllegalStateException("curl could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Path file(String name, byte[] content) throws IOException {
    Path dir = Path.of(System.getProperty("ft.it.dir"), "upload-sources");
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), content);
  }
}
