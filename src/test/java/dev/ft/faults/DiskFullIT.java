package dev.ft.faults;

import static dev.ft.faults.Commands.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import dev.ft.it.Bytes;
import dev.ft.it.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** File storage on a 64 MiB tmpfs (FT_STORAGE_DIR), so the disk fills up on purpose. Needs root. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiskFullIT {
  private static final int PORT = 18686;
  private Path storage;
  private ServeProcess server;
  private Api api;

  @BeforeAll
  void startOnASmallDisk() throws Exception {
    Path dir = Path.of(System.getProperty("ft.faults.dir"), "diskfull");
    storage = Files.createDirectories(dir.resolve("storage"));
    run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", storage.toString());
    server =
        new ServeProcess(dir.resolve("data"), PORT, Map.of("FT_STORAGE_DIR", storage.toString()))
            .start();
    api = server.api();
  }

  @AfterAll
  void stopAndUnmount() throws Exception {
    if (server != null) {
      server.close();
    }
    run("umount", storage.toString());
  }

  @Test
  void anUploadThatDoesNotFitAnswers507AndKeepsNothing() throws Exception {
    Caller user = api.register("full");
    byte[] first = Bytes.random(40 * 1024 * 1024, 1);
    assertEquals(201, api.putBytes("/api/v1/files/first.bin", user, first).status());

    Res full = api.putBytes("/api/v1/files/second.bin", user, Bytes.random(40 * 1024 * 1024, 2));
    assertEquals(507, full.status(), full.toString());
    assertTrue(full.header("Content-Type").startsWith("application/problem+json"), full.toString());
    try (Stream<Path> left = Files.list(storage.resolve("tmp"))) {
      assertEquals(List.of(), left.toList(), "nothing partial stays on the disk");
    }
    assertEquals(
        List.of("first.bin"),
        api.get("/api/v1/files", user).array().stream()
            .map(v -> v.asJsonObject().getString("name"))
            .toList());

    assertEquals(
        201,
        api.putBytes("/api/v1/files/small.txt", user, new byte[1000]).status(),
        "the server keeps serving");
    assertArrayEquals(first, api.get("/api/v1/files/first.bin", user).bytes());
    Res report = api.get("/api/v1/admin/verify?deep=true", api.admin());
    assertTrue(report.object().getBoolean("consistent"), report.toString());
  }
}
