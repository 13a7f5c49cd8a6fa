package dev.ft.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.ServeProcess;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 200 connections that trickle their headers or bodies must not keep other clients from being
 * served; the runtime's timeouts close them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsIT {
  private static final int PORT = 18787;
  private ServeProcess server;
  private Api api;

  @BeforeAll
  void startServer() throws Exception {
    server =
        new ServeProcess(
                Path.of(System.getProperty("ft.faults.dir"), "slow", "data"), PORT, Map.of())
            .start();
    api = server.api();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  void tricklingClientsDoNotStarveOthers() throws Exception {
    Caller user = api.register("patient");
    Caller other =
        api.register("other"); // one user's uploads are bounded anyway: the others must be served
    List<SSLSocket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        SSLSocket socket = api.rawSocket();
        OutputStream out = socket.getOutputStream();
        if (i % 2 == 0) { // headers that never end
          out.write(
              "GET /api/v1/public HTTP/1.1\r\nHost: localhost\r\nX-Slow: a"
                  .getBytes(StandardCharsets.US_ASCII));
        } else { // a body that never comes
          out.write(
              ("PUT /api/v1/files/slow-"
                      + i
                      + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                      + user.authorization()
                      + "\r\nContent-Length: 1000000\r\n\r\nabc")
                  .getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        slow.add(socket);
      }
      for (int round = 0; round < 5; round++) {
        Instant started = Instant.now();
        assertEquals(200, api.get("/api/v1/files", other).status());
        assertEquals(
            201, api.putBytes("/api/v1/files/ok-" + round, other, new byte[100_000]).status());
        Duration took = Duration.between(started, Instant.now());
        assertTrue(
            took.toSeconds() < 10,
            "other clients are still served, round " + round + " took " + took);
        for (SSLSocket socket : slow) { // keep trickling
          try {
            socket.getOutputStream().write('x');
            socket.getOutputStream().flush();
          } catch (java.io.IOException e) {
            // the server closed it: that is allowed
          }
        }
        Thread.sleep(1000);
      }
    } finally {
      for (SSLSocket socket : slow) {
        socket.close();
      }
    }
  }
}
