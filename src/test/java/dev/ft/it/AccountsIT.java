package dev.ft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration, login, logout, "who am I", and the problem documents of each. */
class AccountsIT extends ServerIT {

  private Res register(String username, String password) {
    return api.sendJson(
        "POST",
        "/api/v1/auth/register",
        Caller.ANONYMOUS,
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  private Res login(String username, String password) {
    return api.sendJson(
        "POST",
        "/api/v1/auth/login",
        Caller.ANONYMOUS,
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  void registerAnswersCreatedWithTheUserRole() {
    String username = Api.newUsername("reg");
    Res created = register(username, Api.PASSWORD);
    assertEquals(201, created.status(), "registration should create the account: " + created);
    assertEquals(username, created.object().getString("username"));
    assertEquals("user", created.object().getString("role"));
  }

  @Test
  void usernamesAreUniqueWhateverTheirCase() {
    String username = Api.newUsername("Case");
    assertEquals(201, register(username, Api.PASSWORD).status());
    Res again = register(username.toUpperCase(), Api.PASSWORD);
    assertEquals(409, again.status(), "the same name in other case is taken: " + again);
    assertProblem(again, 409);
  }

  @Test
  void invalidUsernamesAndPasswordsAreRefusedWith400() {
    for (String bad :
        new String[] {"ab", "-starts-with-dash", "has space", "x".repeat(33), "émile", "a/b"}) {
      Res answer = register(bad, Api.PASSWORD);
      assertEquals(400, answer.status(), "username '" + bad + "' must be refused: " + answer);
      assertProblem(answer, 400);
    }
    String ok = Api.newUsername("pw");
    assertEquals(400, register(ok, "seven77").status(), "7 bytes is too short");
    assertEquals(
        400, register(ok, "x".repeat(73)).status(), "73 bytes is too long, never truncated");
    assertEquals(400, register(ok, "é".repeat(37)).status(), "74 UTF-8 bytes is too long");
    assertEquals(
        201, register(ok, "é".repeat(36)).status(), "72 UTF-8 bytes is the longest allowed");
    assertEquals(200, login(ok, "é".repeat(36)).status(), "and it logs in");
  }

  @Test
  void malformedJsonIsA400ProblemAndCreatesNothing() {
    for (String body :
        new String[] {"{", "[]", "\"text\"", "{\"username\":1}", "", "{\"username\":\"x\"}"}) {
      Res answer = api.sendJson("POST", "/api/v1/auth/register", Caller.ANONYMOUS, body);
      assertEquals(400, answer.status(), "body '" + body + "' must be refused: " + answer);
      assertProblem(answer, 400);
    }
  }

  @Test
  void loginGivesAToken() {
    Caller user = api.register("login");
    Res login = login(user.username(), Api.PASSWORD);
    assertEquals(200, login.status(), login.toString());
    JsonObject body = login.object();
    assertEquals(43, body.getString("token").length(), "256 random bits, base64url");
    assertEquals("user", body.getString("role"));
    assertEquals(user.username(), body.getString("username"));
    Instant expires = Instant.parse(body.getString("expiresAt"));
    assertTrue(
        expires.isAfter(Instant.now().plus(23, ChronoUnit.HOURS)), "tokens last 24 h by default");
    assertNotEquals(
        body.getString("token"),
        login(user.username(), Api.PASSWORD).object().getString("token"),
        "every login gets its own token");
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() {
    Caller user = api.register("same");
    Res wrongPassword = login(user.username(), "wrong password");
    Res unknownUser = login(Api.newUsername("nobody"), "wrong password");
    assertEquals(401, wrongPassword.status());
    assertEquals(401, unknownUser.status());
    assertEquals(
        wrongPassword.text(), unknownUser.text(), "the answers must not tell the cases apart");
    assertNotNull(wrongPassword.header("WWW-Authenticate"));
  }

  @Test
  void meAnswersWithBearerAndBasicAndNeedsCredentials() {
    Caller user = api.register("me");
    Res bearer = api.get("/api/v1/auth/me", user);
    assertEquals(200, bearer.status(), bearer.toString());
    assertEquals(user.username(), bearer.object().getString("username"));
    Res basic = api.get("/api/v1/auth/me", Caller.basic(user.username(), Api.PASSWORD));
    assertEquals(200, basic.status(), basic.toString());
    assertEquals("user", basic.object().getString("role"));

    Res anonymous = api.get("/api/v1/auth/me", Caller.ANONYMOUS);
    assertEquals(401, anonymous.status());
    assertProblem(anonymous, 401);
    assertTrue(
        anonymous.header("WWW-Authenticate").contains("Bearer"), "the challenge names the schemes");
    assertEquals(401, api.get("/api/v1/auth/me", Caller.basic(user.username(), "wrong")).status());
    assertEquals(
        401, api.get("/api/v1/auth/me", Caller.bearer(user.username(), "forged")).status());
    assertEquals(
        401, api.get("/api/v1/auth/me", new Caller(user.username(), "Digest abc")).status());
  }

  @Test
  void logoutRevokesTheToken() {
    Caller user = api.register("logout");
    Caller otherSession = api.login(user.username(), Api.PASSWORD);
    assertEquals(
        204,
        api.send(
                user.sign(
                    api.request("/api/v1/auth/logout")
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())))
            .status());
    Res after = api.get("/api/v1/auth/me", user);
    assertEquals(401, after.status(), "a revoked token must not work: " + after);
    assertProblem(after, 401);
    assertEquals(
        200, api.get("/api/v1/auth/me", otherSession).status(), "other sessions stay logged in");
  }

  @Test
  void aPasswordChangeEndsEveryTokenOfTheUser() {
    Caller user = api.register("passwd");
    Caller otherSession = api.login(user.username(), Api.PASSWORD);
    String newPassword = "a new and longer passphrase";

    Res wrongCurrent = changePassword(user, "not my password", newPassword);
    assertProblem(wrongCurrent, 403);
    Res tooShort = changePassword(user, Api.PASSWORD, "short");
    assertProblem(tooShort, 400);
    assertEquals(200, api.get("/api/v1/auth/me", user).status(), "refused changes change nothing");

    assertEquals(204, changePassword(user, Api.PASSWORD, newPassword).status());
    for (Caller stale :
        new Caller[] {user, otherSession, Caller.basic(user.username(), Api.PASSWORD)}) {
      Res after = api.get("/api/v1/auth/me", stale);
      assertEquals(401, after.status(), "after a password change: " + stale + " " + after);
    }
    assertEquals(200, login(user.username(), newPassword).status());
    assertEquals(401, login(user.username(), Api.PASSWORD).status());
  }

  private Res changePassword(Caller caller, String current, String next) {
    return api.sendJson(
        "POST",
        "/api/v1/auth/password",
        caller,
        "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}");
  }

  @Test
  void repeatedFailuresForOneUsernameAnswer429WithRetryAfter() {
    Caller user = api.register("throttle");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(user.username(), "wrong password " + i).status());
    }
    Res throttled = login(user.username(), Api.PASSWORD);
    assertEquals(429, throttled.status(), "even the right password waits: " + throttled);
    assertProblem(throttled, 429);
    long retryAfter = Long.parseLong(throttled.header("Retry-After"));
    assertTrue(
        retryAfter > 0 && retryAfter <= 60, "first lock-out lasts at most a minute: " + retryAfter);
    Res basic = api.get("/api/v1/auth/me", Caller.basic(user.username(), Api.PASSWORD));
    assertEquals(429, basic.status(), "HTTP Basic is throttled as well: " + basic);
    Caller other = api.register("free");
    assertEquals(
        200, login(other.username(), Api.PASSWORD).status(), "other users are not affected");
  }

  @Test
  void paddedUsernamesNeitherFindTheAccountNorDodgeItsLockout() {
    Caller user = api.register("pad");
    for (String padded :
        List.of(user.username() + " ", " " + user.username(), user.username() + "\t")) {
      assertEquals(
          401,
          api.get("/api/v1/auth/me", Caller.basic(padded, Api.PASSWORD)).status(),
          "'" + padded + "' is not " + user.username());
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(user.username(), "wrong password " + i).status());
    }
    for (String padded : List.of(user.username() + " ", user.username() + "   ")) {
      Res basic = api.get("/api/v1/auth/me", Caller.basic(padded, Api.PASSWORD));
      assertNotEquals(
          200, basic.status(), "a locked-out user stays out under a padded name: " + basic);
    }
  }

  @Test
  void theLoginAnswerIsNeverCached() {
    Caller user = api.register("nocache");
    Res login = login(user.username(), Api.PASSWORD);
    assertEquals(200, login.status());
    assertEquals(
        "no-store", login.header("Cache-Control"), "a token must not be kept by any cache");
  }

  static void assertProblem(Res answer, int status) {
    assertTrue(
        String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
        "errors are problem documents: " + answer);
    JsonObject problem = answer.object();
    assertEquals(status, problem.getInt("status"));
    assertNotNull(problem.getString("title"));
    assertNotNull(problem.getString("detail"));
    assertTrue(
        !answer.text().contains("Exception") && !answer.text().contains("at dev.ft"),
        "no internals reach the client: " + answer);
  }
}
