package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may see and do what: sharing, public files, the admin API, and the full matrix of anonymous,
 * owner, other user and admin against every endpoint.
 */
class AccessIT extends ServerIT {

  private record Setup(Caller owner, Caller other, Caller admin) {}

  private Setup setup() {
    Caller owner = api.register("own");
    for (String name : List.of("private.txt", "shared.txt", "public.txt")) {
      assertEquals(
          201,
          api.putBytes(UploadsIT.file(name), owner, name.getBytes(StandardCharsets.UTF_8))
              .status());
    }
    assertEquals(200, visibility(owner, "/api/v1/files/shared.txt", "shared").status());
    assertEquals(200, visibility(owner, "/api/v1/files/public.txt", "public").status());
    return new Setup(owner, api.register("other"), api.admin());
  }

  private Res visibility(Caller caller, String filePath, String value) {
    return api.sendJson(
        "PUT", filePath + "/visibility", caller, "{\"visibility\":\"" + value + "\"}");
  }

  private static List<String> names(Res list, String owner) {
    return list.array().stream()
        .map(v -> v.asJsonObject())
        .filter(f -> f.getString("owner").equals(owner))
        .map(f -> f.getString("name"))
        .sorted()
        .toList();
  }

  /** One request, and the status each kind of caller must get. */
  private record Row(
      String method, String path, String body, int anonymous, int owner, int other, int admin) {}

  @Test
  void everyEndpointAnswersEachKindOfCallerAsTheContractSays() {
    Setup s = setup();
    String o = s.owner().username();
    String json = "{\"visibility\":\"private\"}";
    List<Row> rows =
        List.of(
            new Row("GET", "/api/v1/auth/me", null, 401, 200, 200, 200),
            new Row("GET", "/api/v1/files", null, 401, 200, 200, 200),
            new Row("GET", "/api/v1/files/private.txt", null, 401, 200, 404, 404),
            new Row("HEAD", "/api/v1/files/private.txt", null, 401, 200, 404, 404),
            new Row("DELETE", "/api/v1/files/not-there.txt", null, 401, 404, 404, 404),
            new Row(
                "PUT",
                "/api/v1/files/shared.txt/visibility",
                "{\"visibility\":\"shared\"}",
                401,
                200,
                404,
                404),
            new Row("GET", "/api/v1/shared", null, 401, 200, 200, 200),
            new Row("GET", "/api/v1/shared/" + o + "/private.txt", null, 401, 404, 404, 404),
            new Row("GET", "/api/v1/shared/" + o + "/shared.txt", null, 401, 200, 200, 200),
            new Row("GET", "/api/v1/shared/" + o + "/public.txt", null, 401, 200, 200, 200),
            new Row("GET", "/api/v1/public", null, 200, 200, 200, 200),
            new Row("GET", "/api/v1/public/" + o + "/public.txt", null, 200, 200, 200, 200),
            new Row("HEAD", "/api/v1/public/" + o + "/public.txt", null, 200, 200, 200, 200),
            new Row("GET", "/api/v1/public/" + o + "/shared.txt", null, 404, 404, 404, 404),
            new Row("GET", "/api/v1/public/" + o + "/private.txt", null, 404, 404, 404, 404),
            new Row("GET", "/api/v1/public/nobody-at-all/public.txt", null, 404, 404, 404, 404),
            new Row("GET", "/api/v1/admin/users", null, 401, 403, 403, 200),
            new Row("GET", "/api/v1/admin/users/" + o + "/files", null, 401, 403, 403, 200),
            new Row(
                "GET", "/api/v1/admin/users/" + o + "/files/private.txt", null, 401, 403, 403, 200),
            new Row(
                "HEAD",
                "/api/v1/admin/users/" + o + "/files/private.txt",
                null,
                401,
                403,
                403,
                200),
            new Row(
                "PUT",
                "/api/v1/admin/users/" + o + "/files/private.txt/visibility",
                json,
                401,
                403,
                403,
                200),
            new Row(
                "DELETE",
                "/api/v1/admin/users/" + o + "/files/not-there.txt",
                null,
                401,
                403,
                403,
                404),
            new Row(
                "PUT",
                "/api/v1/admin/users/" + o + "/role",
                "{\"role\":\"user\"}",
                401,
                403,
                403,
                200),
            new Row("DELETE", "/api/v1/admin/users/nobody-at-all", null, 401, 403, 403, 404),
            new Row("GET", "/api/v1/admin/users/nobody-at-all/files", null, 401, 403, 403, 404),
            new Row("GET", "/api/v1/admin/audit?limit=5", null, 401, 403, 403, 200));
    List<String> wrong = new ArrayList<>();
    for (Row row : rows) {
      check(wrong, row, Caller.ANONYMOUS, row.anonymous());
      check(wrong, row, s.owner(), row.owner());
      check(wrong, row, s.other(), row.other());
      check(wrong, row, s.admin(), row.admin());
    }
    assertEquals(List.of(), wrong, "every caller must get the contract's status");
  }

  private void check(List<String> wrong, Row row, Caller caller, int expected) {
    HttpRequest.BodyPublisher body =
        row.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(row.body());
    HttpRequest.Builder request = api.request(row.path()).method(row.method(), body);
    if (row.body() != null) {
      request.header("Content-Type", "application/json");
    }
    Res answer = api.send(caller.sign(request));
    if (answer.status() != expected) {
      wrong.add(
          row.method()
              + " "
              + row.path()
              + " as "
              + caller
              + ": "
              + answer.status()
              + " not "
              + expected);
    } else if (expected >= 400 && !row.method().equals("HEAD")) {
      assertProblem(answer, expected);
    }
  }

  @Test
  void sharedAndPublicListsShowWhatTheirNamesSay() {
    Setup s = setup();
    String o = s.owner().username();
    assertEquals(
        List.of("public.txt", "shared.txt"), names(api.get("/api/v1/shared", s.other()), o));
    assertEquals(List.of("public.txt"), names(api.get("/api/v1/public", Caller.ANONYMOUS), o));
    assertArrayEquals(
        "shared.txt".getBytes(StandardCharsets.UTF_8),
        api.get("/api/v1/shared/" + o + "/shared.txt", s.other()).bytes());
    Res shared = api.get("/api/v1/shared/" + o + "/shared.txt", s.other());
    assertEquals(
        "private", shared.header("Cache-Control"), "what needs a login stays out of shared caches");
    Res published = api.get("/api/v1/public/" + o + "/public.txt", Caller.ANONYMOUS);
    assertArrayEquals("public.txt".getBytes(StandardCharsets.UTF_8), published.bytes());
    assertEquals(
        "public, no-cache", published.header("Cache-Control"), "a cache asks again before reuse");
    assertEquals(200, visibility(s.owner(), "/api/v1/files/public.txt", "private").status());
    assertEquals(
        404,
        api.get("/api/v1/public/" + o + "/public.txt", Caller.ANONYMOUS).status(),
        "a file made private is gone for others at once");
  }

  @Test
  void theRuntimeNeitherDescribesItselfNorNamesItsVersion() {
    Res wadl = api.get("/api/v1/application.wadl", Caller.ANONYMOUS);
    assertEquals(404, wadl.status(), wadl.toString());
    Res options =
        api.send(
            api.request("/api/v1/public").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertTrue(
        !options.text().contains("Jersey") && !options.text().contains("wadl"),
        "no runtime description: " + options);
  }

  @Test
  void changingVisibilityNeverCopiesBytes() throws IOException {
    Setup s = setup();
    Path ownerFolder =
        Path.of(
            System.getProperty("ft.it.dir"),
            "data",
            "files",
            s.owner().username().toLowerCase(Locale.ROOT));
    List<Path> before = list(ownerFolder);
    for (String v : List.of("public", "shared", "private", "public")) {
      Res changed = visibility(s.owner(), "/api/v1/files/private.txt", v);
      assertEquals(200, changed.status());
      assertEquals(v, changed.object().getString("visibility"));
    }
    assertEquals(before, list(ownerFolder), "the stored blobs are the same files as before");
    assertEquals(400, visibility(s.owner(), "/api/v1/files/private.txt", "everyone").status());
    assertEquals(
        400, api.sendJson("PUT", "/api/v1/files/private.txt/visibility", s.owner(), "{").status());
    assertEquals(404, visibility(s.owner(), "/api/v1/files/none.txt", "public").status());
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  @Test
  void adminsSeeEveryUserWithTheirUsage() {
    Setup s = setup();
    Res users = api.get("/api/v1/admin/users", s.admin());
    JsonObject owner =
        users.array().stream()
            .map(v -> v.asJsonObject())
            .filter(u -> u.getString("username").equals(s.owner().username()))
            .findFirst()
            .orElseThrow();
    assertEquals("user", owner.getString("role"));
    assertEquals(3, owner.getInt("fileCount"));
    assertEquals(
        "private.txtshared.txtpublic.txt".length(), owner.getJsonNumber("bytesUsed").longValue());
    assertTrue(owner.getString("createdAt").endsWith("Z"));
  }

  @Test
  void adminsManageAnyUsersFiles() {
    Setup s = setup();
    String base = "/api/v1/admin/users/" + s.owner().username() + "/files/";
    assertEquals(201, api.putBytes(base + "from-admin.txt", s.admin(), new byte[] {7}).status());
    assertEquals(200, api.putBytes(base + "from-admin.txt", s.admin(), new byte[] {8}).status());
    assertArrayEquals(
        new byte[] {8},
        api.get("/api/v1/files/from-admin.txt", s.owner()).bytes(),
        "the owner sees what the admin put in their area");
    assertEquals(200, visibility(s.admin(), base + "private.txt", "public").status());
    assertEquals(
        200,
        api.get("/api/v1/public/" + s.owner().username() + "/private.txt", Caller.ANONYMOUS)
            .status(),
        "an admin can publish any user's file");
    assertArrayEquals(
        "shared.txt".getBytes(StandardCharsets.UTF_8),
        api.get(base + "shared.txt", s.admin()).bytes());
    assertEquals(204, api.delete(base + "shared.txt", s.admin()).status());
    assertEquals(404, api.get("/api/v1/files/shared.txt", s.owner()).status());
    String area = base.substring(0, base.length() - 1);
    Multipart form = new Multipart().file("file", "form.txt", "text/plain", new byte[] {9}).close();
    assertEquals(403, api.multipart(area, s.owner(), form).status(), "only admins post there");
    assertEquals(201, api.multipart(area, s.admin(), form).status());
    assertArrayEquals(new byte[] {9}, api.get("/api/v1/files/form.txt", s.owner()).bytes());
    assertEquals(
        List.of("form.txt", "from-admin.txt", "private.txt", "public.txt"),
        names(api.get(area, s.admin()), s.owner().username()));
  }

  @Test
  void roleChangesTakeEffectOnTheNextRequest() {
    Setup s = setup();
    String role = "/api/v1/admin/users/" + s.other().username() + "/role";
    assertEquals(403, api.get("/api/v1/admin/users", s.other()).status());
    Res promoted = api.sendJson("PUT", role, s.admin(), "{\"role\":\"admin\"}");
    assertEquals(200, promoted.status(), promoted.toString());
    assertEquals("admin", promoted.object().getString("role"));
    assertEquals(
        200,
        api.get("/api/v1/admin/users", s.other()).status(),
        "the same token now has admin rights");
    assertEquals(200, api.sendJson("PUT", role, s.admin(), "{\"role\":\"user\"}").status());
    assertEquals(
        403, api.get("/api/v1/admin/users", s.other()).status(), "and loses them on demotion");
    assertEquals(400, api.sendJson("PUT", role, s.admin(), "{\"role\":\"root\"}").status());
    assertEquals(400, api.sendJson("PUT", role, s.admin(), "{}").status());
  }

  @Test
  void theLastAdminCanBeNeitherDemotedNorRemoved() {
    Caller admin = api.admin();
    Caller keeper = api.register("keeper");
    assertEquals(
        200,
        api.sendJson(
                "PUT",
                "/api/v1/admin/users/" + keeper.username() + "/role",
                admin,
                "{\"role\":\"admin\"}")
            .status());
    List<String> otherAdmins =
        api.get("/api/v1/admin/users", keeper).array().stream()
            .map(v -> v.asJsonObject())
            .filter(
                u ->
                    u.getString("role").equals("admin")
                        && !u.getString("username").equals(keeper.username()))
            .map(u -> u.getString("username"))
            .toList();
    try {
      for (String name : otherAdmins) {
        assertEquals(
            200,
            api.sendJson(
                    "PUT", "/api/v1/admin/users/" + name + "/role", keeper, "{\"role\":\"user\"}")
                .status());
      }
      Res demote =
          api.sendJson(
              "PUT",
              "/api/v1/admin/users/" + keeper.username() + "/role",
              keeper,
              "{\"role\":\"user\"}");
      assertEquals(409, demote.status(), demote.toString());
      assertProblem(demote, 409);
      assertEquals(409, api.delete("/api/v1/admin/users/" + keeper.username(), keeper).status());
    } finally {
      for (String name : otherAdmins) {
        api.sendJson(
            "PUT", "/api/v1/admin/users/" + name + "/role", keeper, "{\"role\":\"admin\"}");
      }
    }
    assertEquals(
        204,
        api.delete("/api/v1/admin/users/" + keeper.username(), admin).status(),
        "with other admins back, this one may go");
  }

  @Test
  void removingAUserRemovesTheirFilesAndTokens() throws IOException {
    Setup s = setup();
    String o = s.owner().username();
    Res removed = api.delete("/api/v1/admin/users/" + o, s.admin());
    assertEquals(204, removed.status(), removed.toString());
    assertEquals(401, api.get("/api/v1/files", s.owner()).status(), "their token dies with them");
    assertEquals(List.of(), names(api.get("/api/v1/shared", s.other()), o));
    assertEquals(404, api.get("/api/v1/public/" + o + "/public.txt", Caller.ANONYMOUS).status());
    Path folder =
        Path.of(System.getProperty("ft.it.dir"), "data", "files", o.toLowerCase(Locale.ROOT));
    assertTrue(
        !Files.exists(folder) || list(folder).isEmpty(), "their bytes are deleted: " + folder);
    assertEquals(
        201,
        api.sendJson(
                "POST",
                "/api/v1/auth/register",
                Caller.ANONYMOUS,
                "{\"username\":\"" + o + "\",\"password\":\"" + Api.PASSWORD + "\"}")
            .status(),
        "the name is free again");
    assertEquals(
        List.of(),
        names(api.get("/api/v1/files", api.login(o, Api.PASSWORD)), o),
        "a new account of the same name starts empty");
  }

  @Test
  void strangersDownloadingAPublicFileAgainAndAgainAddOneAuditRow() {
    Setup s = setup();
    String o = s.owner().username();
    for (int i = 0; i < 5; i++) {
      Res tiny =
          api.send(api.request("/api/v1/public/" + o + "/public.txt").header("Range", "bytes=0-0"));
      assertEquals(206, tiny.status(), tiny.toString());
    }
    long anonymousRows =
        api.get("/api/v1/admin/audit?limit=1000&user=" + o, s.admin()).array().stream()
            .map(v -> v.asJsonObject())
            .filter(
                e ->
                    e.getString("actor").equals("anonymous")
                        && e.getString("action").equals("download"))
            .count();
    assertEquals(1, anonymousRows, "anonymous downloads of one file are recorded once an hour");
  }

  @Test
  void theAuditTrailRecordsWhatHappenedNewestFirst() {
    Setup s = setup();
    String o = s.owner().username();
    Res head =
        api.send(
            s.other()
                .sign(
                    api.request("/api/v1/shared/" + o + "/shared.txt")
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())));
    assertEquals(200, head.status(), "a HEAD downloads nothing, so it is not audited as one");
    assertEquals(200, api.get("/api/v1/shared/" + o + "/shared.txt", s.other()).status());
    assertEquals(204, api.delete("/api/v1/files/private.txt", s.owner()).status());
    Res audit = api.get("/api/v1/admin/audit?limit=1000&user=" + o, s.admin());
    assertEquals(200, audit.status(), audit.toString());
    List<String> actions =
        audit.array().stream()
            .map(v -> v.asJsonObject())
            .map(
                e ->
                    e.getString("actor")
                        + " "
                        + e.getString("action")
                        + " "
                        + e.getString("name", "-"))
            .toList();
    assertEquals(
        List.of(
            o + " delete private.txt",
            s.other().username() + " download shared.txt",
            o + " visibility public.txt",
            o + " visibility shared.txt",
            o + " upload public.txt",
            o + " upload shared.txt",
            o + " upload private.txt",
            o + " register -"),
        actions);
    assertEquals(2, api.get("/api/v1/admin/audit?limit=2", s.admin()).array().size());
    for (String bad : List.of("0", "1001", "abc", "-1")) {
      Res answer = api.get("/api/v1/admin/audit?limit=" + bad, s.admin());
      assertEquals(400, answer.status(), "limit=" + bad + ": " + answer);
      assertProblem(answer, 400);
    }
  }
}
