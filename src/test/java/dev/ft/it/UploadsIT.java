package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.fixtures.Folders;
import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Raw and multipart uploads: what gets stored, and that every refused or broken upload leaves
 * nothing behind. The test server allows 8 MiB per file and 24 MiB per user.
 */
class UploadsIT extends ServerIT {
  static final int MAX_FILE = (int) SharedServer.MAX_FILE_SIZE;

  static String file(String name) {
    return "/api/v1/files/" + Api.encode(name);
  }

  private List<String> namesOf(Caller user) {
    Res list = api.get("/api/v1/files", user);
    assertEquals(200, list.status(), list.toString());
    return list.array().stream().map(v -> v.asJsonObject().getString("name")).toList();
  }

  private static void assertNoPendingUploads() throws IOException {
    Path pending = Path.of(System.getProperty("ft.it.dir"), "data", "tmp");
    try (Stream<Path> leftovers = Files.list(pending)) {
      assertEquals(List.of(), leftovers.toList(), "no unfinished upload may stay in " + pending);
    }
  }

  @Test
  void namesThatDifferOnlyByTrailingSpacesAreTwoFiles() {
    Caller user = api.register("pad");
    assertEquals(201, api.putBytes(file("report.txt"), user, new byte[] {1}).status());
    assertEquals(
        201,
        api.putBytes(file("report.txt "), user, new byte[] {2, 2}).status(),
        "a new name, a new file");
    assertEquals(List.of("report.txt", "report.txt "), namesOf(user).stream().sorted().toList());
    assertArrayEquals(
        new byte[] {1}, api.get(file("report.txt"), user).bytes(), "the first file kept its bytes");
    assertArrayEquals(new byte[] {2, 2}, api.get(file("report.txt "), user).bytes());
  }

  @Test
  void jsonFilesAreFilesWhateverTheirSizeOrContent() {
    Caller user = api.register("jsonfile");
    byte[] big = ("[" + "\"x\",".repeat(20_000) + "\"end\"]").getBytes(StandardCharsets.UTF_8);
    byte[] broken = "{\"not\": json".getBytes(StandardCharsets.UTF_8);
    for (var upload : List.of(Map.entry("data.json", big), Map.entry("broken.json", broken))) {
      Res stored =
          api.send(
              user.sign(
                  api.request(file(upload.getKey()))
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(upload.getValue()))
                      .header(
                          "Content-Type",
                          upload.getKey().equals("data.json")
                              ? "application/json"
                              : "application/ld+json")));
      assertEquals(201, stored.status(), upload.getKey() + ": " + stored);
      assertArrayEquals(
          upload.getValue(), api.get(file(upload.getKey()), user).bytes(), upload.getKey());
    }
  }

  @Test
  void aSemicolonInThePathIsRefusedUnlessEncoded() {
    Caller user = api.register("semi");
    assertEquals(201, api.putBytes(file("report"), user, new byte[] {1}).status());
    Res refused = api.putBytes("/api/v1/files/report;v=2.txt", user, new byte[] {2});
    assertEquals(
        400, refused.status(), "never a different name than the one asked for: " + refused);
    AccountsIT.assertProblem(refused, 400);
    assertArrayEquals(
        new byte[] {1}, api.get(file("report"), user).bytes(), "'report' was not replaced");
    assertEquals(
        201, api.putBytes("/api/v1/files/report%3Bv=2.txt", user, new byte[] {3}).status());
    assertEquals(List.of("report", "report;v=2.txt"), namesOf(user).stream().sorted().toList());
  }

  @Test
  void aBodyOnADeleteOrGetIsRefusedAndNothingIsDone() {
    Caller user = api.register("bodiless");
    assertEquals(201, api.putBytes(file("keep.txt"), user, new byte[] {1}).status());
    for (String method : List.of("DELETE", "GET")) {
      Res refused =
          api.send(
              user.sign(
                  api.request(file("keep.txt"))
                      .method(method, HttpRequest.BodyPublishers.ofString("{\"all\":true}"))));
      assertProblem(refused, 400);
      assertTrue(
          refused.object().getString("detail").contains(method + " request takes no body"),
          refused.toString());
      assertArrayEquals(new byte[] {1}, api.get(file("keep.txt"), user).bytes(), method);
    }
    assertEquals(204, api.delete(file("keep.txt"), user).status(), "without a body it goes");
  }

  @Test
  void putCreatesThenReplaces() {
    Caller user = api.register("put");
    byte[] first = Bytes.random(100_000, 1);
    Res created = api.putBytes(file("report.pdf"), user, first);
    assertEquals(201, created.status(), created.toString());
    JsonObject meta = created.object();
    assertEquals(user.username(), meta.getString("owner"));
    assertEquals("report.pdf", meta.getString("name"));
    assertEquals(100_000, meta.getJsonNumber("size").longValue());
    assertEquals(Bytes.sha256Hex(first), meta.getString("sha256"));
    assertEquals("application/pdf", meta.getString("contentType"), "guessed from the name");
    assertEquals("private", meta.getString("visibility"));
    assertTrue(meta.getString("createdAt").endsWith("Z"));

    byte[] second = Bytes.random(5, 2);
    Res replaced = api.putBytes(file("report.pdf"), user, second);
    assertEquals(200, replaced.status(), "a second PUT replaces: " + replaced);
    assertEquals(Bytes.sha256Hex(second), replaced.object().getString("sha256"));
    assertArrayEquals(second, api.get(file("report.pdf"), user).bytes());
    assertEquals(List.of("report.pdf"), namesOf(user));
  }

  @Test
  void chunkedUploadsWithoutContentLengthWork() {
    Caller user = api.register("chunked");
    byte[] content = Bytes.random(300_000, 3);
    Res created =
        api.send(
            user.sign(
                api.request(file("stream.bin"))
                    .PUT(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(content)))));
    assertEquals(201, created.status(), created.toString());
    assertArrayEquals(content, api.get(file("stream.bin"), user).bytes());
  }

  @Test
  void namesAreCaseSensitiveAndMayBeAnyUnicode() {
    Caller user = api.register("names");
    List<String> names =
        List.of(
            "A.txt",
            "a.txt",
            "日本語 ファイル.txt",
            "100% #1 & ?.txt",
            "x".repeat(255),
            ".hidden",
            "trailing.",
            "emoji 😀.png");
    for (String name : names) {
      Res created = api.putBytes(file(name), user, name.getBytes(StandardCharsets.UTF_8));
      assertEquals(201, created.status(), "'" + name + "' is a valid name: " + created);
    }
    for (String name : names) {
      assertArrayEquals(
          name.getBytes(StandardCharsets.UTF_8), api.get(file(name), user).bytes(), name);
    }
    assertEquals(names.size(), namesOf(user).size());
  }

  @Test
  void badNamesAre400AndStoreNothing() throws IOException {
    Caller user = api.register("badname");
    List<String> bad =
        List.of(
            "a/b",
            "../etc",
            "tab\there",
            "bell\u0007",
            "del\u007f",
            "c1\u0085",
            "é".repeat(128),
            "invoice\u202Egpj.exe",
            "zero\u200Bwidth.txt");
    for (String name : bad) {
      Res answer = api.putBytes(file(name), user, new byte[] {1});
      assertEquals(400, answer.status(), "'" + name + "' must be refused: " + answer);
      assertProblem(answer, 400);
    }
    // The runtime's connector refuses these URIs with a bare "400 Invalid URI" before any
    // application code runs, so no problem document can be written for them.
    for (String path : List.of("a%5Cb", "nul%00", "%2e%2e", "...", "%2E%2E%2E")) {
      Res answer =
          api.send(
              user.sign(
                  api.request("/api/v1/files/" + path)
                      .PUT(HttpRequest.BodyPublishers.ofString("x"))));
      assertEquals(400, answer.status(), path + " must be refused: " + answer);
    }
    Res traversal =
        api.send(
            user.sign(
                api.request("/api/v1/files/..%2F..%2Fetc%2Fpasswd")
                    .PUT(HttpRequest.BodyPublishers.ofString("x"))));
    assertEquals(403, traversal.status(), "the runtime refuses encoded traversal: " + traversal);
    assertProblem(traversal, 403);
    Res onlyDots =
        api.multipart(
            "/api/v1/files",
            user,
            new Multipart().file("file", "...", "text/plain", new byte[] {1}).close());
    assertEquals(
        400, onlyDots.status(), "a name of only dots could never be downloaded: " + onlyDots);
    assertEquals(List.of(), namesOf(user));
    assertNoPendingUploads();
  }

  @Test
  void contentDigestIsCheckedAndAMismatchStoresNothing() throws IOException {
    Caller user = api.register("digest");
    byte[] content = Bytes.random(50_000, 4);
    String good = "sha-256=:" + Base64.getEncoder().encodeToString(Bytes.sha256(content)) + ":";
    Res ok =
        api.send(
            user.sign(
                api.request(file("ok.bin"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                    .header("Content-Digest", good)));
    assertEquals(201, ok.status(), ok.toString());

    String wrong =
        "sha-256=:" + Base64.getEncoder().encodeToString(Bytes.sha256(new byte[] {1})) + ":";
    Res mismatch =
        api.send(
            user.sign(
                api.request(file("bad.bin"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                    .header("Content-Digest", wrong)));
    assertEquals(400, mismatch.status(), mismatch.toString());
    assertProblem(mismatch, 400);
    Res replaceMismatch =
        api.send(
            user.sign(
                api.request(file("ok.bin"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {9}))
                    .header("Content-Digest", wrong)));
    assertEquals(400, replaceMismatch.status());
    assertArrayEquals(
        content,
        api.get(file("ok.bin"), user).bytes(),
        "a refused replacement keeps the old bytes");

    Res malformed =
        api.send(
            user.sign(
                api.request(file("bad.bin"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                    .header("Content-Digest", "sha-256=nonsense")));
    assertEquals(400, malformed.status(), malformed.toString());
    assertEquals(List.of("ok.bin"), namesOf(user));
    assertNoPendingUploads();
  }

  @Test
  void multipartStoresEveryFilePart() {
    Caller user = api.register("form");
    byte[] one = Bytes.random(700_000, 5);
    byte[] two = "second\r\n--not a boundary\r\n".getBytes(StandardCharsets.UTF_8);
    Multipart form =
        new Multipart()
            .field("note", "ignored")
            .file("file", "one.bin", "application/octet-stream", one)
            .file("file", "zwei é.txt", "text/plain", two)
            .close();
    Res created = api.multipart("/api/v1/files", user, form);
    assertEquals(201, created.status(), created.toString());
    assertEquals(2, created.array().size());
    assertEquals("text/plain", created.array().getJsonObject(1).getString("contentType"));
    assertArrayEquals(one, api.get(file("one.bin"), user).bytes());
    assertArrayEquals(two, api.get(file("zwei é.txt"), user).bytes());
  }

  @Test
  void multipartRefusesExistingNamesUnlessOverwriteIsAsked() {
    Caller user = api.register("formdup");
    byte[] original = Bytes.random(1000, 6);
    assertEquals(201, api.putBytes(file("taken.txt"), user, original).status());
    Multipart form =
        new Multipart()
            .file("file", "new.txt", "text/plain", new byte[] {1})
            .file("file", "taken.txt", "text/plain", new byte[] {2})
            .close();
    Res conflict = api.multipart("/api/v1/files", user, form);
    assertEquals(409, conflict.status(), conflict.toString());
    assertProblem(conflict, 409);
    assertEquals(
        List.of("taken.txt"), namesOf(user), "all parts or none: new.txt must not be stored");
    assertArrayEquals(original, api.get(file("taken.txt"), user).bytes());

    Res overwritten = api.multipart("/api/v1/files?overwrite=true", user, form);
    assertEquals(201, overwritten.status(), "new.txt was created: " + overwritten);
    assertArrayEquals(new byte[] {2}, api.get(file("taken.txt"), user).bytes());
    assertEquals(List.of("new.txt", "taken.txt"), namesOf(user));

    Multipart replacing =
        new Multipart().file("file", "taken.txt", "text/plain", new byte[] {3}).close();
    Res replaced = api.multipart("/api/v1/files?overwrite=true", user, replacing);
    assertEquals(200, replaced.status(), "only replaced, as a PUT that replaces: " + replaced);
    assertArrayEquals(new byte[] {3}, api.get(file("taken.txt"), user).bytes());
  }

  @Test
  void brokenMultipartIs400AndStoresNothing() throws IOException {
    Caller user = api.register("formbad");
    Multipart whole =
        new Multipart()
            .file("file", "cut.bin", "application/octet-stream", Bytes.random(200_000, 7))
            .close();
    byte[] half = Arrays.copyOf(whole.bytes(), whole.bytes().length / 2);
    Res cut =
        api.send(
            user.sign(
                api.request("/api/v1/files")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(half))
                    .header("Content-Type", whole.contentType())));
    assertEquals(400, cut.status(), "a body that ends inside a part is refused: " + cut);
    assertProblem(cut, 400);
    Res otherBoundary =
        api.send(
            user.sign(
                api.request("/api/v1/files")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(whole.bytes()))
                    .header("Content-Type", "multipart/form-data; boundary=nothing-matches")));
    assertEquals(400, otherBoundary.status(), otherBoundary.toString());

    Res noFile = api.multipart("/api/v1/files", user, new Multipart().field("note", "x").close());
    assertEquals(400, noFile.status(), noFile.toString());
    Res twice =
        api.multipart(
            "/api/v1/files",
            user,
            new Multipart()
                .file("file", "a", "text/plain", new byte[] {1})
                .file("file", "a", "text/plain", new byte[] {2})
                .close());
    assertEquals(400, twice.status(), twice.toString());
    Res noBoundary =
        api.send(
            user.sign(
                api.request("/api/v1/files")
                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                    .header("Content-Type", "multipart/form-data")));
    assertEquals(400, noBoundary.status(), noBoundary.toString());
    Res badName =
        api.multipart(
            "/api/v1/files",
            user,
            new Multipart().file("file", "..", "text/plain", new byte[] {1}).close());
    assertEquals(400, badName.status(), badName.toString());
    assertEquals(List.of(), namesOf(user));
    assertNoPendingUploads();
  }

  @Test
  void uploadsOverTheFileSizeLimitAre413AndStoreNothing() throws IOException {
    Caller user = api.register("big");
    Path tooBigFile = Curl.file("too-big.bin", new byte[MAX_FILE + 1]);
    String tooBig = tooBigFile.toString();
    String url = api.uri(file("big.bin")).toString();
    Curl.Result put = Curl.run(user, "-T", tooBig, url);
    assertEquals(413, put.status(), put.toString());
    assertTrue(
        put.body().contains("maximum file size of 8388608 bytes"),
        "the problem names the limit: " + put);
    Curl.Result chunked = Curl.run(user, tooBigFile, "-T", "-", url);
    assertEquals(413, chunked.status(), "the limit holds without Content-Length too: " + chunked);
    Curl.Result form = Curl.run(user, "-F", "file=@" + tooBig, api.uri("/api/v1/files").toString());
    assertEquals(413, form.status(), form.toString());

    assertEquals(
        201,
        api.putBytes(file("exact.bin"), user, new byte[MAX_FILE]).status(),
        "exactly the limit fits");
    assertEquals(List.of("exact.bin"), namesOf(user));
    assertNoPendingUploads();
  }

  @Test
  void aFormMayCarryMoreThanOneFileSizeInAll() {
    Caller user = api.register("formsum");
    byte[] five = new byte[5 * 1024 * 1024];
    Res created =
        api.multipart(
            "/api/v1/files",
            user,
            new Multipart().file("file", "a", "x/y", five).file("file", "b", "x/y", five).close());
    assertEquals(
        201, created.status(), "each file is within the limit, only the sum is not: " + created);
    assertEquals(List.of("a", "b"), namesOf(user));
  }

  @Test
  void theQuotaCountsEveryFileAndReplacementsAreCredited() {
    Caller user = api.register("quota");
    for (int i = 0; i < 3; i++) {
      assertEquals(201, api.putBytes(file("f" + i), user, new byte[MAX_FILE]).status());
    }
    Res over = api.putBytes(file("one-more"), user, new byte[] {1});
    assertEquals(413, over.status(), over.toString());
    assertTrue(
        over.object().getString("detail").contains("per-user quota of 25165824 bytes"),
        over.toString());
    assertEquals(
        200,
        api.putBytes(file("f0"), user, new byte[MAX_FILE]).status(),
        "replacing a file only counts the difference");
    assertEquals(204, api.delete(file("f1"), user).status());
    assertEquals(
        201, api.putBytes(file("one-more"), user, new byte[] {1}).status(), "deleting frees quota");
  }

  @Test
  void anUploadCutOffMidwayLeavesNoTrace() throws Exception {
    Caller user = api.register("cut");
    Path pending = Path.of(System.getProperty("ft.it.dir"), "data", "tmp");
    try (SSLSocket socket = api.rawSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT "
                  + file("half.bin")
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                  + user.authorization()
                  + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 4000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[2_000_000]);
      out.flush();
      await("the server receives the upload")
          .atMost(Duration.ofMinutes(1))
          .until(() -> Folders.count(pending) > 0);
    }
    await("the server notices the cut")
        .atMost(Duration.ofMinutes(1))
        .until(() -> Folders.count(pending) == 0);
    assertEquals(List.of(), namesOf(user), "a half upload must never be listed");
    assertEquals(404, api.get(file("half.bin"), user).status());
  }
}
