package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs on a server of its own (see the session-limits execution in pom.xml) whose tokens live
 * 4 seconds, and whose per-address failure count starts at zero. The order matters: the
 * address lock-out would refuse every later login from the tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionLimitsIT extends ServerIT {

  @Test
  @Order(1)
  void aTokenStopsWorkingWhenItExpires() throws InterruptedException {
    Caller user = api.register("expiry");
    Res login = api.sendJson("POST", "/api/v1/auth/login", Caller.ANONYMOUS,
        "{\"username\":\"" + user.username() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    Instant expiresAt = Instant.parse(login.object().getString("expiresAt"));
    assertTrue(Duration.between(Instant.now(), expiresAt).toSeconds() <= 4, "the configured lifetime: " + expiresAt);
    Caller fresh = Caller.bearer(user.username(), login.object().getString("token"));
    assertEquals(200, api.get("/api/v1/auth/me", fresh).status());
    Thread.sleep(Duration.between(Instant.now(), expiresAt).plusMillis(500).toMillis());
    Res expired = api.get("/api/v1/auth/me", fresh);
    assertEquals(401, expired.status(), "an expired token is refused: " + expired);
    assertProblem(expired, 401);
    assertEquals(200, api.get("/api/v1/auth/me", Caller.basic(user.username(), Api.PASSWORD)).status(),
        "the account itself is fine");
  }

  @Test
  @Order(2) // last: it locks out the test's own address
  void manyFailuresFromOneAddressAnswer429ForEveryUsername() {
    Caller victim = api.register("victim");
    int failures = 0;
    Res answer;
    do {
      answer = api.sendJson("POST", "/api/v1/auth/login", Caller.ANONYMOUS,
          "{\"username\":\"" + Api.newUsername("guess") + "\",\"password\":\"wrong password\"}");
      failures++;
    } while (answer.status() == 401 && failures < 100);
    assertEquals(429, answer.status(), "guessing many usernames from one address is throttled: " + answer);
    assertEquals(31, failures, "30 failures are allowed per address and window");
    assertTrue(Long.parseLong(answer.header("Retry-After")) > 0);
    Res blocked = api.sendJson("POST", "/api/v1/auth/login", Caller.ANONYMOUS,
        "{\"username\":\"" + victim.username() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(429, blocked.status(), "the address waits, whatever the username");
    Res audit = api.get("/api/v1/admin/audit?limit=20", Caller.basic("admin", api.adminPassword()));
    assertEquals(429, audit.status(), "HTTP Basic from the same address waits too");
  }
}
