package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Runs on a server of its own (see the session-limits execution in pom.xml) whose tokens and
 * unfinished uploads live 4 seconds and which allows the default 30 failed logins per address. The
 * address lock-out is tested from an address of its own, so the tests may run in any order.
 */
class SessionLimitsIT extends ServerIT {

  @Test
  void aTokenStopsWorkingWhenItExpires() {
    Caller user = api.register("expiry");
    Res login =
        api.sendJson(
            "POST",
            "/api/v1/auth/login",
            Caller.ANONYMOUS,
            "{\"username\":\"" + user.username() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    Instant expiresAt = Instant.parse(login.object().getString("expiresAt"));
    assertTrue(
        Duration.between(Instant.now(), expiresAt).toSeconds() <= 4,
        "the configured lifetime: " + expiresAt);
    Caller fresh = Caller.bearer(user.username(), login.object().getString("token"));
    assertEquals(200, api.get("/api/v1/auth/me", fresh).status());
    Res[] answer = new Res[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> (answer[0] = api.get("/api/v1/auth/me", fresh)).status() != 200);
    assertTrue(!Instant.now().isBefore(expiresAt), "valid until it expires, at " + expiresAt);
    Res expired = answer[0];
    assertEquals(401, expired.status(), "an expired token is refused: " + expired);
    assertProblem(expired, 401);
    assertEquals(
        200,
        api.get("/api/v1/auth/me", Caller.basic(user.username(), Api.PASSWORD)).status(),
        "the account itself is fine");
  }

  @Test
  void anUploadThatOutlivesItsTokenIsStillStored() {
    Caller user = api.register("slow");
    byte[] chunk = new byte[100_000];
    int chunks = 14; // one every half second: seven seconds, longer than the token lives
    java.util.function.Supplier<java.io.InputStream> slowly =
        () ->
            new java.io.InputStream() {
              private int sent;
              private int left;

              @Override
              public int read() {
                throw new UnsupportedOperationException();
              }

              @Override
              public int read(byte[] b, int off, int len) {
                if (left == 0) {
                  if (sent == chunks) {
                    return -1;
                  }
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  sent++;
                  left = chunk.length;
                }
                int n = Math.min(len, left);
                left -= n;
                return n;
              }
            };
    Instant started = Instant.now();
    Res stored =
        api.send(
            user.sign(
                api.request(UploadsIT.file("slow.bin"))
                    .PUT(
                        java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                            java.net.http.HttpRequest.BodyPublishers.ofInputStream(slowly),
                            (long) chunks * chunk.length))));
    assertTrue(
        Duration.between(started, Instant.now()).toSeconds() >= 5,
        "the upload took longer than the token");
    assertEquals(
        201, stored.status(), "a token checked at the start carries the whole upload: " + stored);
    assertEquals(401, api.get("/api/v1/files", user).status(), "and the token has expired by now");
  }

  @Test
  void manyFailuresFromOneAddressAnswer429ForEveryUsername() {
    Caller victim = api.register("victim");
    Api guesser = api.from("127.0.0.31"); // its lock-out must not reach the other tests
    int failures = 0;
    Res answer;
    do {
      answer =
          guesser.sendJson(
              "POST",
              "/api/v1/auth/login",
              Caller.ANONYMOUS,
              "{\"username\":\""
                  + Api.newUsername("guess")
                  + "\",\"password\":\"wrong password\"}");
      failures++;
    } while (answer.status() == 401 && failures < 100);
    assertEquals(
        429, answer.status(), "guessing many usernames from one address is throttled: " + answer);
    assertEquals(31, failures, "30 failures are allowed per address and window");
    assertTrue(Long.parseLong(answer.header("Retry-After")) > 0);
    Res blocked =
        guesser.sendJson(
            "POST",
            "/api/v1/auth/login",
            Caller.ANONYMOUS,
            "{\"username\":\"" + victim.username() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(429, blocked.status(), "the address waits, whatever the username");
    Res audit =
        guesser.get("/api/v1/admin/audit?limit=20", Caller.basic("admin", api.adminPassword()));
    assertEquals(429, audit.status(), "HTTP Basic from the same address waits too");
  }

  @Test
  void anUnfinishedUploadExpiresWithItsBytesAndFreesItsSpace() {
    Caller owner = Caller.basic(api.register("tus").username(), Api.PASSWORD);
    String expiring = Api.metadata("filename", "expiring.bin");
    Res created = api.createUpload(owner, 8_000_000, expiring);
    assertEquals(201, created.status(), created.toString());
    assertTrue(created.header("Upload-Expires").endsWith("GMT"), created.toString());
    String path = java.net.URI.create(created.header("Location")).getPath();
    java.nio.file.Path part =
        java.nio.file.Path.of(System.getProperty("ft.it.dir"), "data", "uploads")
            .resolve(path.substring(path.lastIndexOf('/') + 1) + ".part");
    assertTrue(java.nio.file.Files.exists(part), "its bytes have a place: " + part);
    await().atMost(Duration.ofSeconds(60)).until(() -> !java.nio.file.Files.exists(part));
    Res head =
        api.send(
            owner.sign(
                api.request(path)
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Tus-Resumable", "1.0.0")));
    assertTrue(head.status() == 404 || head.status() == 410, head.toString());
    assertEquals("[]", api.get("/api/v1/uploads", owner).text());
    for (int i = 0; i < 3; i++) { // 24 MB of the 24 MiB quota: only if nothing is still reserved
      Res again = api.createUpload(owner, 8_000_000, expiring);
      assertEquals(201, again.status(), again.toString());
    }
  }
}
