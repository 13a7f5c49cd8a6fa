package dev.ft.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api;
import dev.ft.it.Api.Caller;
import dev.ft.it.ServeProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile and broken requests, sent byte for byte over TLS to the server as payara/serve starts it:
 * every answer is a 4xx problem document, and the log shows no stack trace for any of them. BCrypt
 * runs at a realistic cost here, for the login timing check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  private static final int PORT = 18585;
  private ServeProcess server;
  private Api api;
  private Path log;

  @BeforeAll
  void startServer() throws Exception {
    Path dir = Path.of(System.getProperty("ft.faults.dir"), "hostile");
    server =
        new ServeProcess(
                dir.resolve("data"),
                PORT,
                Map.of("FT_BCRYPT_COST", "10", "FT_LOGIN_MAX_FAILURES_PER_ADDRESS", "100000"))
            .start();
    api = server.api();
    log = server.log();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.close();
  }

  /** Sends raw bytes as one HTTP/1.1 request and returns the raw answer. */
  private String raw(byte[] request) throws IOException {
    try (SSLSocket socket = api.rawSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (IOException e) {
        // the server may close first; what arrived is the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] request(String head, byte[] body) {
    byte[] h = head.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void badRequestsGetProblemDocumentsAndNoStackTraces() throws IOException {
    Caller user = api.register("hostile");
    String auth = "Authorization: " + user.authorization() + "\n";
    String bigJson = "{\"username\":\"" + "a".repeat(2_000_000) + "\",\"password\":\"x\"}";
    byte[] badUtf8 = {
      '{',
      '"',
      'u',
      's',
      'e',
      'r',
      'n',
      'a',
      'm',
      'e',
      '"',
      ':',
      '"',
      (byte) 0xC3,
      (byte) 0x28,
      '"',
      '}'
    };
    Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
    cases.put(
        "json as text/plain",
        request(
            "POST /api/v1/auth/login HTTP/1.1\nHost: x\nContent-Type: text/plain\n"
                + "Content-Length: 2\nConnection: close\n\n",
            utf8("{}")));
    cases.put(
        "huge json",
        request(
            "POST /api/v1/auth/register HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                + "Content-Length: "
                + bigJson.length()
                + "\nConnection: close\n\n",
            utf8(bigJson)));
    cases.put(
        "invalid utf-8 json",
        request(
            "POST /api/v1/auth/register HTTP/1.1\nHost: x\nContent-Type: "
                + "application/json\nContent-Length: "
                + badUtf8.length
                + "\nConnection: close\n\n",
            badUtf8));
    cases.put(
        "deeply nested json",
        request(
            "POST /api/v1/auth/login HTTP/1.1\nHost: x\nContent-Type: "
                + "application/json\nContent-Length: 20000\nConnection: close\n\n",
            utf8("[".repeat(20000))));
    // Parsson loops forever skipping an unclosed value of a member JSON-B does not know
    // (parsson#23).
    cases.put(
        "unclosed unknown member",
        request(
            "POST /api/v1/auth/register HTTP/1.1\nHost: x\nContent-Type: "
                + "application/json\nContent-Length: 6\nConnection: close\n\n",
            utf8("{\"x\":{")));
    cases.put(
        "unknown method",
        request(
            "FROB /api/v1/files HTTP/1.1\nHost: x\n" + auth + "Connection: close\n\n",
            new byte[0]));
    cases.put(
        "overlapping ranges",
        request(
            "GET /api/v1/public/nobody/x HTTP/1.1\nHost: x\n"
                + "Range: bytes=0-5,3-9\nConnection: close\n\n",
            new byte[0]));
    cases.put(
        "multipart without boundary",
        request(
            "POST /api/v1/files HTTP/1.1\nHost: x\n"
                + auth
                + "Content-Type: multipart/form-data\nContent-Length: 3\nConnection: close\n\n",
            utf8("abc")));
    cases.put(
        "form where json is expected",
        request(
            "PUT /api/v1/files/x/visibility HTTP/1.1\nHost: x\n"
                + auth
                + "Content-Type: application/x-www-form-urlencoded\n"
                + "Content-Length: 3\n"
                + "Connection: close\n\n",
            utf8("a=b")));
    cases.put(
        "bad bearer",
        request(
            "GET /api/v1/files HTTP/1.1\nHost: x\nAuthorization: Bearer "
                + "x".repeat(5000)
                + "\nConnection: close\n\n",
            new byte[0]));
    cases.put(
        "bad basic",
        request(
            "GET /api/v1/files HTTP/1.1\nHost: x\nAuthorization: Basic %%%\n"
                + "Connection: close\n\n",
            new byte[0]));
    cases.put(
        "bad digest",
        request(
            "PUT /api/v1/files/d HTTP/1.1\nHost: x\n"
                + auth
                + "Content-Digest: sha-256=:x:\n"
                + "Content-Length: 1\nConnection: close\n\n",
            utf8("z")));
    cases.put(
        "bad limit",
        request(
            "GET /api/v1/admin/audit?limit=99999999999999999999 HTTP/1.1\nHost: x\n"
                + "Authorization: "
                + api.admin().authorization()
                + "\nConnection: close\n\n",
            new byte[0]));

    List<String> wrong = new ArrayList<>();
    for (var c : cases.entrySet()) {
      String answer = raw(c.getValue());
      String status = answer.length() >= 12 ? answer.substring(9, 12) : "none";
      boolean problem = answer.toLowerCase().contains("content-type: application/problem+json");
      if (!status.startsWith("4") || !problem) {
        wrong.add(
            c.getKey() + " -> " + (answer.length() > 200 ? answer.substring(0, 200) : answer));
      }
    }
    assertEquals(List.of(), wrong, "every hostile request gets a 4xx problem document");
    String logged = Files.readString(log, StandardCharsets.ISO_8859_1);
    assertTrue(!logged.contains("at dev.ft."), "no stack trace through our code in the server log");
  }

  @Test
  void loginTakesAsLongForUnknownUsersAsForWrongPasswords() {
    List<String> known = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      known.add(api.register("timing").username());
    }
    List<Long> unknown = new ArrayList<>();
    List<Long> wrong = new ArrayList<>();
    for (int round = 0; round < 2; round++) { // the first round warms up
      unknown.clear();
      wrong.clear();
      for (int i = 0; i < 15; i++) { // interleaved, so drift hits both alike
        unknown.add(loginNanos("nobody-" + round + "-" + i));
        wrong.add(loginNanos(known.get(i)));
      }
    }
    long a = median(unknown);
    long b = median(wrong);
    double difference = Math.abs(a - b) / (double) Math.max(a, b);
    assertTrue(
        difference < 0.10,
        "median "
            + a / 1_000_000
            + " ms for unknown users, "
            + b / 1_000_000
            + " ms for wrong passwords: "
            + Math.round(difference * 100)
            + "% apart");
  }

  private long loginNanos(String username) {
    long started = System.nanoTime();
    int status =
        api.sendJson(
                "POST",
                "/api/v1/auth/login",
                Caller.ANONYMOUS,
                "{\"username\":\"" + username + "\",\"password\":\"not the password\"}")
            .status();
    long took = System.nanoTime() - started;
    assertEquals(401, status);
    return took;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
