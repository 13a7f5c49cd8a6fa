package dev.ft.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.fixtures.Folders;
import dev.ft.it.AdminPageForms;
import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import dev.ft.it.ServeProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What one stranger or one account may take from a server that others share, against the server as
 * payara/serve runs it at -Xmx256m with small limits: sessions, registrations, concurrent uploads
 * and open files. Users are made by the admin here, so only the registration test spends the
 * address's registrations.
 */
@Tag(ServeProcess.ON_CONFIGURED_DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseLimitsIT {
  private static final int PORT = 18989;
  private static final int MAX_SESSIONS = 2;
  private static final int MAX_REGISTRATIONS = 3;
  private static final int MAX_UPLOADS = 2;
  private static final String PUBLIC_URL = "https://files.example.test:9443/ft";
  private static final Duration AUDIT_RETENTION = Duration.ofSeconds(20);

  private ServeProcess server;
  private Api api;
  private Caller admin;

  @BeforeAll
  void startServer() throws Exception {
    Path dir = Path.of(System.getProperty("ft.faults.dir"), "abuse");
    Map<String, String> env = new java.util.HashMap<>(ServeProcess.configuredDatabase());
    env.putAll(
        Map.of(
            "FT_ADMIN_MAX_SESSIONS",
            Integer.toString(MAX_SESSIONS),
            "FT_REGISTRATION_MAX_PER_ADDRESS",
            Integer.toString(MAX_REGISTRATIONS),
            "FT_MAX_CONCURRENT_UPLOADS_PER_USER",
            Integer.toString(MAX_UPLOADS),
            "FT_PUBLIC_URL",
            PUBLIC_URL,
            "FT_AUDIT_RETENTION",
            AUDIT_RETENTION.toSeconds() + "s"));
    server = new ServeProcess(dir.resolve("data"), PORT, env).start();
    api = server.api();
    admin = api.admin();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.close();
  }

  private Caller newUser(String prefix) {
    String username = Api.newUsername(prefix);
    Res created =
        api.sendJson(
            "POST",
            "/api/v1/admin/users",
            admin,
            "{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(201, created.status(), "an admin creates accounts: " + created);
    assertEquals("user", created.object().getString("role"));
    return Caller.basic(username, Api.PASSWORD);
  }

  private int openSessions() {
    Res ready = api.get("/health/ready", Caller.ANONYMOUS);
    return ready.object().getJsonArray("checks").stream()
        .map(check -> check.asJsonObject())
        .filter(check -> check.getString("name").equals("sessions"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sessions check in " + ready))
        .getJsonObject("data")
        .get("open")
        .toString()
        .replace("\"", "")
        .transform(Integer::parseInt);
  }

  @Test
  void strangersRequestsLeaveNoSessionBehind() throws Exception {
    int before = openSessions();
    List<String> paths =
        List.of("/admin/login", "/admin", "/admin/users", "/admin/audit", "/admin/files?user=x");
    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<Future<String>> batches = new ArrayList<>();
    for (int client = 0; client < 6; client++) {
      batches.add(
          clients.submit(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  HttpRequest.Builder request = api.request(paths.get(i % paths.size()));
                  if (i % 7 == 0) {
                    request
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=guess"))
                        .header("Content-Type", "application/x-www-form-urlencoded");
                  }
                  Res answer = api.sendHttp1(request);
                  String cookies =
                      String.join("; ", answer.response().headers().allValues("Set-Cookie"));
                  if (cookies.contains("FT_SESSION")) {
                    return answer + " set a session cookie: " + cookies;
                  }
                }
                return null;
              }));
    }
    for (Future<String> batch : batches) {
      String failure = batch.get(5, TimeUnit.MINUTES);
      assertEquals(null, failure, "no anonymous request is given a session");
    }
    clients.shutdown();
    assertEquals(before, openSessions(), "6000 anonymous requests left no session on the server");
  }

  @Test
  void signingInOpensAFreshSessionAndTheServerHoldsOnlySoMany() {
    List<String> sessions = new ArrayList<>();
    while (openSessions() < MAX_SESSIONS) {
      sessions.add(AdminPageForms.signIn(api));
    }
    assertEquals(
        "status 503", AdminPageForms.signIn(api), "one sign-in too many waits for a free session");
    Res signOut = AdminPageForms.post(api, "/admin/logout", sessions.get(0), "");
    assertEquals(302, signOut.status(), "signed out: " + signOut);
    assertTrue(
        AdminPageForms.signIn(api).length() > 20,
        "a session freed by signing out can be had again");
  }

  @Test
  void registrationsFromOneAddressAreThrottledWhileLoginsGoOn() {
    Caller existing = newUser("existing");
    for (int i = 0; i < MAX_REGISTRATIONS; i++) {
      Res created = api.tryRegister(Api.newUsername("reg"));
      assertEquals(201, created.status(), created.toString());
    }
    String refusedName = Api.newUsername("reg");
    Res refused = api.tryRegister(refusedName);
    assertEquals(429, refused.status(), refused.toString());
    assertEquals(
        "Too Many Requests", reasonPhraseOf("/api/v1/auth/register"), "the standard reason phrase");
    assertEquals("application/problem+json", refused.header("Content-Type"));
    assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, "says when to come back");
    assertEquals(
        401,
        api.get("/api/v1/auth/me", Caller.basic(refusedName, Api.PASSWORD)).status(),
        "the refused account was not created");
    assertEquals(200, api.get("/api/v1/auth/me", existing).status(), "existing users still log in");
  }

  /** The reason phrase of a registration's status line, read off the wire. */
  private String reasonPhraseOf(String path) {
    try (SSLSocket socket = api.rawSocket()) {
      String body =
          "{\"username\":\"" + Api.newUsername("reg") + "\",\"password\":\"" + Api.PASSWORD + "\"}";
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                      + "\r\nContent-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.US_ASCII));
      String statusLine =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
              .lines()
              .findFirst()
              .orElse("");
      return statusLine.substring(statusLine.indexOf(' ', statusLine.indexOf(' ') + 1) + 1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An upload that has sent its headers and one of its two bytes, and waits. */
  private SSLSocket heldUpload(Caller user, String name) throws IOException {
    SSLSocket socket = api.rawSocket();
    socket
        .getOutputStream()
        .write(
            ("PUT /api/v1/files/"
                    + name
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + user.authorization()
                    + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\nx")
                .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private static String finish(SSLSocket held) throws IOException {
    try (held) {
      held.getOutputStream().write('y');
      held.getOutputStream().flush();
      return new String(held.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
          .lines()
          .findFirst()
          .orElse("");
    }
  }

  @Test
  void oneUserHoldsAtMostItsShareOfUploads() throws Exception {
    Caller user = newUser("slots");
    Caller other = newUser("other");
    List<SSLSocket> held = new ArrayList<>();
    for (int i = 0; i < MAX_UPLOADS; i++) {
      held.add(heldUpload(user, "held-" + i + ".bin"));
    }
    int[] attempt = {0};
    Res[] refused = new Res[1];
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              refused[0] =
                  api.putBytes(
                      "/api/v1/files/one-more-" + attempt[0]++ + ".bin", user, new byte[] {1});
              return refused[0].status() == 429;
            });
    assertEquals("application/problem+json", refused[0].header("Content-Type"));
    assertNotNull(refused[0].header("Retry-After"), "says when to come back: " + refused[0]);
    assertEquals(
        201,
        api.putBytes("/api/v1/files/mine.bin", other, new byte[] {2}).status(),
        "other users are not held up");
    for (SSLSocket upload : held) {
      assertTrue(finish(upload).startsWith("HTTP/1.1 201"), "the held uploads finish");
    }
    assertEquals(
        201,
        api.putBytes("/api/v1/files/after.bin", user, new byte[] {3}).status(),
        "finished uploads give their slots back");
  }

  @Test
  void aFormHoldsOneOpenFileHoweverManyPartsItHas() throws Exception {
    Caller user = newUser("parts");
    int parts = 300;
    String boundary = "----parts" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p")
          .append(i)
          .append(".txt\"\r\nContent-Type: text/plain\r\n\r\npart ")
          .append(i)
          .append("\r\n");
    }
    body.append("--").append(boundary);
    String end = "--\r\n";
    byte[] sent = body.toString().getBytes(StandardCharsets.US_ASCII);
    Path pending = server.dataDir().resolve("tmp");
    try (SSLSocket socket = api.rawSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                  + user.authorization()
                  + "\r\nContent-Type: multipart/form-data; boundary="
                  + boundary
                  + "\r\nContent-Length: "
                  + (sent.length + end.length())
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(sent);
      out.flush();
      await().atMost(Duration.ofMinutes(1)).until(() -> Folders.count(pending) == parts);
      assertTrue(
          openFilesUnder(pending) <= 1,
          "every part but the one being written is closed: " + openFilesUnder(pending) + " open");
      out.write(end.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 201"), answer.lines().findFirst().orElse(answer));
    }
    assertEquals(parts, api.get("/api/v1/files", user).array().size(), "every part was stored");
  }

  private long openFilesUnder(Path folder) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
      return fds.filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).startsWith(folder);
                } catch (IOException e) {
                  return false; // closed meanwhile
                }
              })
          .count();
    }
  }

  @Test
  void locationsAndRedirectsNameThePublicUrlNotTheHostHeader() throws IOException {
    Caller user = newUser("where");
    try (SSLSocket socket = api.rawSocket()) {
      socket
          .getOutputStream()
          .write(
              ("PUT /api/v1/files/here.txt HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                      + user.authorization()
                      + "\r\nContent-Length: 4\r\nConnection: close\r\n\r\nhere")
                  .getBytes(StandardCharsets.US_ASCII));
      List<String> answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
              .lines()
              .toList();
      assertTrue(answer.get(0).startsWith("HTTP/1.1 201"), answer.get(0));
      assertTrue(
          answer.contains("Location: " + PUBLIC_URL + "/api/v1/files/here.txt"), answer.toString());
    }
    Res redirect = api.sendHttp1(api.request("/admin"));
    assertEquals(302, redirect.status(), redirect.toString());
    assertEquals(PUBLIC_URL + "/admin/login", redirect.header("Location"));
  }

  @Test
  void theAuditTrailForgetsWhatIsOlderThanItsRetention() throws IOException {
    Caller made = newUser("forgotten");
    await()
        .atMost(AUDIT_RETENTION.multipliedBy(3))
        .until(
            () -> api.get("/api/v1/admin/audit?user=" + made.username(), admin).array().isEmpty());
  }

  @Test
  void anAdminMadeAccountWorksAndIsAudited() {
    Caller made = newUser("made");
    assertEquals(200, api.get("/api/v1/auth/me", made).status());
    Res forbidden =
        api.sendJson(
            "POST",
            "/api/v1/admin/users",
            made,
            "{\"username\":\""
                + Api.newUsername("nope")
                + "\",\"password\":\""
                + Api.PASSWORD
                + "\"}");
    assertEquals(403, forbidden.status(), "only admins make accounts: " + forbidden);
    assertTrue(
        api.get("/api/v1/admin/audit?user=" + made.username(), admin).array().stream()
            .map(entry -> entry.asJsonObject())
            .anyMatch(
                entry ->
                    entry.getString("action").equals("register")
                        && entry.getString("actor").equals("admin")
                        && entry.getString("owner").equals(made.username())),
        "the audit names the admin who made the account");
  }
}
