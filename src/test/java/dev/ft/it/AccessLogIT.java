package dev.ft.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The access log (here written to its own file, {@code FT_ACCESS_LOG=path}): a line for every
 * request, refused ones included, and never a token, password or link key in any line.
 */
class AccessLogIT extends ServerIT {
  private static final Path LOG = Path.of(System.getProperty("ft.it.dir"), "access.log");

  private static List<String> lines() {
    try {
      return Files.exists(LOG) ? Files.readAllLines(LOG, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the one line that has all these fields: a request is logged once it is answered. */
  private static String awaitLine(String... fields) {
    String[] line = new String[1];
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                (line[0] =
                        lines().stream()
                            .filter(l -> Arrays.stream(fields).allMatch(f -> has(l, f)))
                            .findFirst()
                            .orElse(null))
                    != null);
    return line[0];
  }

  private static boolean has(String line, String field) {
    return (" " + line + " ").contains(" " + field + " ");
  }

  @Test
  void everyRequestIsOneLineWithNoSecretInIt() {
    Caller owner = api.register("acc");
    String token = owner.authorization().substring("Bearer ".length());
    byte[] content = new byte[4321];
    new Random(3).nextBytes(content);
    String name = owner.username() + ".bin";
    assertEquals(201, api.putBytes(UploadsIT.file(name), owner, content).status());
    Res link =
        api.sendJson(
            "POST",
            "/api/v1/links",
            owner,
            "{\"file\":\"" + name + "\",\"expiresIn\":\"1h\",\"password\":\"link secret 9\"}");
    assertEquals(201, link.status(), link.toString());
    String page = URI.create(link.object().getString("url")).getPath();
    String key = page.substring("/s/".length());
    Res download = api.get(page + "/download", Caller.basic("", "link secret 9"));
    assertEquals(200, download.status(), download.toString());
    Caller wrong = Caller.basic(owner.username(), "not the password 5");
    assertEquals(401, api.get(UploadsIT.file(name), wrong).status());

    String upload =
        awaitLine(
            "user=" + owner.username(),
            "method=PUT",
            "path=" + UploadsIT.file(name),
            "status=201",
            "in=4321");
    assertTrue(upload.matches("time=\\S+ node=\\S+ client=127\\.0\\.0\\.1 .* ms=[0-9.]+"), upload);
    awaitLine("user=-", "method=GET", "path=/s/{key}/download", "status=200", "out=4321");
    awaitLine("user=-", "method=GET", "path=" + UploadsIT.file(name), "status=401");

    String all = String.join("\n", lines());
    for (String secret :
        List.of(
            token,
            Api.PASSWORD,
            "link secret 9",
            key,
            "not the password 5",
            wrong.authorization().substring("Basic ".length()))) {
      assertFalse(all.contains(secret), "the access log holds a secret: " + secret);
    }
  }
}
