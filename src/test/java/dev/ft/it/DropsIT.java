package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Drops: a stranger sends files into an owner's area through a link, within its limits, never
 * replacing anything and never seeing what is there.
 */
class DropsIT extends ServerIT {
  private static final byte[] ORIGINAL =
      "the owner's own report\n".getBytes(StandardCharsets.UTF_8);

  private Res create(Caller caller, String json) {
    return api.sendJson("POST", "/api/v1/drops", caller, json);
  }

  /** A created drop: its handle and the path of its page, which carries the key. */
  record Drop(String id, String page) {}

  private Drop drop(Caller owner, String extra) {
    Res created = create(owner, "{\"expiresIn\":\"1h\"" + extra + "}");
    assertEquals(201, created.status(), created.toString());
    String path = URI.create(created.object().getString("url")).getPath();
    assertTrue(path.startsWith("/d/"), path);
    return new Drop(created.object().getString("id"), path);
  }

  private Res send(Api from, Drop drop, Caller caller, Multipart form) {
    return from.multipart(drop.page(), caller, form.close());
  }

  private Res send(Drop drop, Multipart form) {
    return send(api, drop, Caller.ANONYMOUS, form);
  }

  private static Multipart files(String... namesAndContents) {
    Multipart form = new Multipart();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      form.file(
          "file",
          namesAndContents[i],
          "application/octet-stream",
          namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return form;
  }

  private List<String> names(Caller owner) {
    return api.get("/api/v1/files", owner).array().stream()
        .map(v -> v.asJsonObject().getString("name"))
        .sorted()
        .toList();
  }

  private JsonObject listed(Caller owner, String id) {
    return api.get("/api/v1/drops", owner).array().stream()
        .map(v -> v.asJsonObject())
        .filter(d -> d.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("drop " + id + " not listed"));
  }

  @Test
  void aStrangerDropsFilesBesideTheOwnersAndSeesNothingElse() {
    Caller owner = api.register("drp");
    assertEquals(201, api.putBytes(UploadsIT.file("report.pdf"), owner, ORIGINAL).status());
    Drop drop = drop(owner, ",\"note\":\"your tax papers, please\"");

    Res page = api.get(drop.page(), Caller.ANONYMOUS);
    assertEquals(200, page.status());
    assertTrue(page.text().contains("your tax papers, please"));
    assertFalse(page.text().contains("report.pdf"), "the area's contents stay hidden");
    assertNull(page.header("Set-Cookie"), "a stranger's visit leaves no session behind");

    Res sent = send(drop, files("report.pdf", "the stranger's report", "photo.jpg", "jpeg"));
    assertEquals(201, sent.status(), sent.toString());
    assertEquals(
        List.of("report.pdf", "photo.jpg"),
        sent.array().stream().map(v -> v.asJsonObject().getString("name")).toList(),
        "the dropper is told the names they sent, not what else is there");

    assertEquals(List.of("photo.jpg", "report (2).pdf", "report.pdf"), names(owner));
    assertArrayEquals(ORIGINAL, api.get(UploadsIT.file("report.pdf"), owner).bytes(), "kept");
    assertEquals("the stranger's report", api.get(UploadsIT.file("report (2).pdf"), owner).text());
    assertTrue(
        api.get("/api/v1/files", owner).array().stream()
            .allMatch(f -> f.asJsonObject().getString("visibility").equals("private")));
    JsonObject listed = listed(owner, drop.id());
    assertEquals(2, listed.getInt("filesReceived"));
    assertFalse(listed.containsKey("url"), "the key is shown once");

    Res audit = api.get("/api/v1/admin/audit?limit=20&user=" + owner.username(), api.admin());
    assertTrue(
        audit.array().stream()
            .map(v -> v.asJsonObject())
            .anyMatch(
                e ->
                    e.getString("actor").equals("drop " + drop.id())
                        && e.getString("action").equals("upload")
                        && e.getString("name").equals("report (2).pdf")),
        audit.toString());
  }

  /** A tus request to a drop's uploads, or to one of them ({@code upload} a path, or null). */
  private Res tus(
      Drop drop, String upload, Caller caller, String method, byte[] body, String... h) {
    String path = upload != null ? upload : "/api/v1" + drop.page() + "/uploads";
    HttpRequest.Builder request =
        api.request(path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Tus-Resumable", "1.0.0");
    for (int i = 0; i < h.length; i += 2) {
      request.header(h[i], h[i + 1]);
    }
    return api.send(caller.sign(request));
  }

  private Res startUpload(Drop drop, Caller caller, String name, long length) {
    return tus(
        drop,
        null,
        caller,
        "POST",
        null,
        "Upload-Length",
        Long.toString(length),
        "Upload-Metadata",
        Api.metadata("filename", name));
  }

  private Res piece(Drop drop, String upload, Caller caller, long offset, byte[] bytes) {
    return tus(
        drop,
        upload,
        caller,
        "PATCH",
        bytes,
        "Content-Type",
        "application/offset+octet-stream",
        "Upload-Offset",
        Long.toString(offset));
  }

  @Test
  void aTusClientSendsFilesThroughADropWithinItsLimitsAndReachesOnlyItsOwnUploads() {
    Caller owner = api.register("drp");
    assertEquals(201, api.putBytes(UploadsIT.file("report.pdf"), owner, ORIGINAL).status());
    Drop drop = drop(owner, ",\"password\":\"drop it here 7\",\"maxFiles\":2,\"maxBytes\":100");
    Caller dropper = Caller.basic("", "drop it here 7");

    Res asked = startUpload(drop, Caller.ANONYMOUS, "report.pdf", 10);
    assertProblem(asked, 401);
    assertEquals("1.0.0", asked.header("Tus-Resumable"));
    Res tooBig = startUpload(drop, dropper, "huge.bin", 101);
    assertProblem(tooBig, 413);
    assertTrue(tooBig.object().getString("detail").contains("100 bytes"), tooBig.toString());

    Res first = startUpload(drop, dropper, "report.pdf", 10);
    assertEquals(201, first.status(), first.toString());
    String report = URI.create(first.header("Location")).getPath();
    assertTrue(report.startsWith("/api/v1" + drop.page() + "/uploads/"), report);
    Res second = startUpload(drop, dropper, "notes.txt", 5);
    assertEquals(201, second.status(), second.toString());
    Res third = startUpload(drop, dropper, "more.txt", 1);
    assertProblem(third, 413);
    assertTrue(
        third.object().getString("detail").contains("2 more file"),
        "unfinished uploads count against the drop's limits: " + third);

    var open = api.get("/api/v1/uploads", owner).array();
    assertEquals(2, open.size(), open.toString());
    assertTrue(
        open.stream()
            .allMatch(u -> u.asJsonObject().getString("createdBy").equals("drop " + drop.id())),
        open.toString());
    String id = report.substring(report.lastIndexOf('/') + 1);
    assertEquals(
        404,
        piece(drop, "/api/v1/uploads/" + id, owner, 0, "0123456789".getBytes()).status(),
        "the owner's own tus endpoint does not send a drop's upload past the drop's limits");
    Drop other = drop(owner, "");
    assertEquals(
        404,
        tus(other, "/api/v1" + other.page() + "/uploads/" + id, Caller.ANONYMOUS, "HEAD", null)
            .status(),
        "another drop does not reach this one's uploads");

    Res done = piece(drop, report, dropper, 0, "0123456789".getBytes(StandardCharsets.UTF_8));
    assertEquals(204, done.status(), done.toString());
    assertEquals("10", done.header("Upload-Offset"));
    assertEquals(List.of("report (2).pdf", "report.pdf"), names(owner));
    assertArrayEquals(ORIGINAL, api.get(UploadsIT.file("report.pdf"), owner).bytes(), "kept");
    assertEquals("0123456789", api.get(UploadsIT.file("report (2).pdf"), owner).text());
    assertEquals(1, listed(owner, drop.id()).getInt("filesReceived"));

    String notes = URI.create(second.header("Location")).getPath();
    assertEquals(204, tus(drop, notes, dropper, "DELETE", null).status());
    assertEquals(0, api.get("/api/v1/uploads", owner).array().size());

    Res started = startUpload(drop, dropper, "late.txt", 4);
    assertEquals(201, started.status(), started.toString());
    assertEquals(204, api.delete("/api/v1/drops/" + drop.id(), owner).status());
    assertEquals(
        0,
        api.get("/api/v1/uploads", owner).array().size(),
        "revoking a drop ends the uploads that came through it");
    assertEquals(
        404,
        piece(drop, URI.create(started.header("Location")).getPath(), dropper, 0, "late".getBytes())
            .status());
    assertEquals(List.of("report (2).pdf", "report.pdf"), names(owner));
  }

  @Test
  void aDropsLimitsAnswer413SayingWhichAndStoreNothing() {
    Caller owner = api.register("drp");
    Drop drop = drop(owner, ",\"maxFiles\":2,\"maxBytes\":1000");
    Res tooMany = send(drop, files("a.txt", "a", "b.txt", "b", "c.txt", "c"));
    assertProblem(tooMany, 413);
    assertTrue(tooMany.object().getString("detail").contains("2 more file"), tooMany.toString());
    Res tooBig = send(drop, files("big.bin", "x".repeat(1001)));
    assertProblem(tooBig, 413);
    assertTrue(tooBig.object().getString("detail").contains("1000 bytes"), tooBig.toString());
    assertEquals(List.of(), names(owner), "nothing of a refused form is stored");

    assertEquals(201, send(drop, files("a.txt", "a", "b.txt", "b")).status());
    assertEquals(List.of("a.txt", "b.txt"), names(owner));
    assertEquals(404, send(drop, files("c.txt", "c")).status(), "a full drop is gone");
    assertEquals(404, api.get(drop.page(), Caller.ANONYMOUS).status());

    Caller full = api.register("drp");
    byte[] eightMiB = new byte[8 * 1024 * 1024];
    for (String name : List.of("one", "two", "three")) {
      assertEquals(201, api.putBytes(UploadsIT.file(name), full, eightMiB).status());
    }
    Res overQuota = send(drop(full, ""), files("more.txt", "more"));
    assertProblem(overQuota, 413);
    assertTrue(overQuota.object().getString("detail").contains("quota"), overQuota.toString());
  }

  @Test
  void concurrentDroppersNeverTakeADropPastItsLimit() throws Exception {
    Caller owner = api.register("drp");
    Drop drop = drop(owner, ",\"maxFiles\":3");
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<Res>> answers = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String name = "from-" + i + ".txt";
        answers.add(pool.submit((Callable<Res>) () -> send(drop, files(name, name))));
      }
      int stored = 0;
      for (Future<Res> answer : answers) {
        Res res = answer.get();
        if (res.status() == 201) {
          stored++;
        } else {
          assertTrue(res.status() == 413 || res.status() == 404, res.toString());
        }
      }
      assertEquals(3, stored);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(3, names(owner).size(), "exactly maxFiles files, however many try at once");
  }

  @Test
  void aPasswordIsAskedForAndThrottled() {
    Caller owner = api.register("drp");
    Drop drop = drop(owner, ",\"password\":\"drop it here 7\"");
    Api stranger = api.from("127.0.0.71");
    Res asked = send(stranger, drop, Caller.ANONYMOUS, files("a.txt", "a"));
    assertProblem(asked, 401);
    assertTrue(asked.header("WWW-Authenticate").contains("ft link"));
    Res wrong = send(stranger, drop, Caller.basic("", "guess"), files("a.txt", "a"));
    assertProblem(wrong, 404);
    assertEquals(
        201,
        send(stranger, drop, Caller.basic("", "drop it here 7"), files("a.txt", "a")).status());
    assertEquals(List.of("a.txt"), names(owner));
    Res throttled = null;
    for (int i = 0; i < 10 && (throttled == null || throttled.status() != 429); i++) {
      throttled = send(stranger, drop, Caller.basic("", "guess " + i), files("b.txt", "b"));
    }
    assertProblem(throttled, 429);
  }

  @Test
  void revokedExpiredAndOrphanedDropsAreGone() {
    Caller owner = api.register("drp");
    Drop revoked = drop(owner, "");
    assertEquals(204, api.delete("/api/v1/drops/" + revoked.id(), owner).status());
    assertEquals(404, send(revoked, files("a.txt", "a")).status());
    assertEquals(404, api.get(revoked.page(), Caller.ANONYMOUS).status());

    Res brief = create(owner, "{\"expiresIn\":\"3s\"}");
    Drop expiring =
        new Drop(
            brief.object().getString("id"), URI.create(brief.object().getString("url")).getPath());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get(expiring.page(), Caller.ANONYMOUS).status() == 404);

    Caller leaving = api.register("drp");
    Drop orphan = drop(leaving, "");
    assertEquals(
        204, api.delete("/api/v1/admin/users/" + leaving.username(), api.admin()).status());
    assertEquals(404, send(orphan, files("a.txt", "a")).status());
    assertEquals(List.of(), names(owner), "nothing came through any of them");
  }

  @Test
  void anAdminMakesADropForAUserAndSeesAndRevokesEveryDrop() {
    Caller owner = api.register("drp");
    Caller admin = api.admin();
    Res made = create(admin, "{\"owner\":\"" + owner.username() + "\",\"expiresIn\":\"1d\"}");
    assertEquals(201, made.status(), made.toString());
    String id = made.object().getString("id");
    assertEquals("admin", listed(owner, id).getString("createdBy"));
    assertTrue(api.get("/api/v1/admin/drops", admin).text().contains(id));
    Caller other = api.register("drp");
    assertProblem(
        create(other, "{\"owner\":\"" + owner.username() + "\",\"expiresIn\":\"1d\"}"), 403);
    assertProblem(api.delete("/api/v1/drops/" + id, other), 404);
    assertEquals(204, api.delete("/api/v1/admin/drops/" + id, admin).status());
    assertEquals(0, api.get("/api/v1/drops", owner).array().size());
  }

  @Test
  void badRequestsAreRefusedAndMakeNoDrop() {
    Caller owner = api.register("drp");
    for (String bad :
        List.of(
            "{}",
            "{\"expiresIn\":\"45d\"}",
            "{\"expiresIn\":\"1d\",\"maxFiles\":0}",
            "{\"expiresIn\":\"1d\",\"maxBytes\":0}",
            "{\"expiresIn\":\"1d\",\"allowFrom\":[\"nowhere\"]}")) {
      assertProblem(create(owner, bad), 400);
    }
    assertEquals(0, api.get("/api/v1/drops", owner).array().size());
    Drop drop = drop(owner, "");
    Res notAForm =
        api.send(
            api.request(drop.page())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))
                .header("Content-Type", "text/plain"));
    assertProblem(notAForm, 400);
    assertEquals(List.of(), names(owner));
  }

  @Test
  void aBrowserWithoutScriptsGivesTheDropsPasswordAndSendsTwoFilesThroughTheForm(
      @TempDir Path local) throws Exception {
    Caller owner = api.register("drp");
    Drop drop = drop(owner, ",\"password\":\"drop it here 7\",\"maxFiles\":5");
    Path one = Files.writeString(local.resolve("invoice.pdf"), "invoice bytes");
    Path two = Files.writeString(local.resolve("receipt.png"), "receipt bytes");
    try (Browser browser = Browser.withoutScripts(api)) {
      browser.go(drop.page());
      browser.find("#password").sendKeys("drop it here 7");
      browser.clickAndWait(browser.find("#unlock"));
      assertEquals("5", browser.find("#files-left").getText());
      browser.find("#files").sendKeys(one + "\n" + two);
      browser.clickAndWait(browser.find("#send"));
      assertEquals(
          List.of("invoice.pdf", "receipt.png"),
          browser.driver().findElements(By.cssSelector("#received .name")).stream()
              .map(e -> e.getText())
              .toList());
      assertNull(browser.driver().manage().getCookieNamed("FT_SESSION"), "no session");
    }
    assertEquals(List.of("invoice.pdf", "receipt.png"), names(owner));
    assertEquals("invoice bytes", api.get(UploadsIT.file("invoice.pdf"), owner).text());
  }

  @Test
  void aBrowserWithScriptsSendsEachFileAsAResumableUploadWithProgress(@TempDir Path local)
      throws Exception {
    Caller owner = api.register("drp");
    Drop drop = drop(owner, ",\"password\":\"drop it here 7\",\"maxFiles\":5");
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    new java.util.Random(7).nextBytes(big);
    Path one = Files.write(local.resolve("scan.tiff"), big);
    Path two = Files.writeString(local.resolve("notes.txt"), "notes bytes");
    try (Browser browser = Browser.open(api)) {
      browser.go(drop.page());
      browser.find("#password").sendKeys("drop it here 7");
      browser.clickAndWait(browser.find("#unlock"));
      String page = browser.driver().getCurrentUrl();
      browser.find("#files").sendKeys(one + "\n" + two);
      browser.find("#send").click();
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .until(d -> d.findElements(By.cssSelector("#sent .name")).size() == 2);
      assertEquals(
          List.of("scan.tiff", "notes.txt"),
          browser.driver().findElements(By.cssSelector("#sent .name")).stream()
              .map(e -> e.getText())
              .toList());
      assertEquals(page, browser.driver().getCurrentUrl(), "the page stayed: no form was posted");
      assertEquals("100", browser.find("#progress").getDomProperty("value"));
      assertTrue(browser.find("#send-error").getDomProperty("hidden").equals("true"));
      assertNull(browser.driver().manage().getCookieNamed("FT_SESSION"), "no session");
    }
    assertEquals(List.of("notes.txt", "scan.tiff"), names(owner));
    assertArrayEquals(big, api.get(UploadsIT.file("scan.tiff"), owner).bytes());
    assertEquals("notes bytes", api.get(UploadsIT.file("notes.txt"), owner).text());
    assertEquals(2, listed(owner, drop.id()).getInt("filesReceived"));
    assertEquals(0, api.get("/api/v1/uploads", owner).array().size(), "no upload left open");
  }
}
