package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/**
 * Share links: a file handed to someone without an account, until the link expires, is revoked, is
 * used up or its file goes; and whatever cannot be used answers the same 404.
 */
class LinksIT extends ServerIT {
  private static final byte[] CONTENT =
      "the quarterly numbers, all of them\n".getBytes(StandardCharsets.UTF_8);

  /** A created link: its handle and the path of its page (which carries the secret key). */
  record Link(String id, String page) {
    String download() {
      return page + "/download";
    }
  }

  private Caller ownerWithFile(String name) {
    Caller owner = api.register("lnk");
    assertEquals(201, api.putBytes(UploadsIT.file(name), owner, CONTENT).status());
    return owner;
  }

  private static Link link(Res created) {
    assertEquals(201, created.status(), created.toString());
    JsonObject body = created.object();
    String path = URI.create(body.getString("url")).getPath();
    assertTrue(path.startsWith("/s/"), "the URL leads to the link page: " + path);
    assertTrue(path.length() >= "/s/".length() + 22, "at least 128 random bits: " + path);
    return new Link(body.getString("id"), path);
  }

  private Res create(Caller caller, String json) {
    return api.sendJson("POST", "/api/v1/links", caller, json);
  }

  private Link create(Caller caller, String file, String extra) {
    return link(create(caller, "{\"file\":\"" + file + "\",\"expiresIn\":\"1h\"" + extra + "}"));
  }

  private Res anonymous(String path) {
    return api.get(path, Caller.ANONYMOUS);
  }

  @Test
  void aLinkHandsTheFileToAStrangerUntilItIsRevoked() {
    Caller owner = ownerWithFile("numbers.csv");
    Res created =
        create(owner, "{\"file\":\"numbers.csv\",\"expiresIn\":\"7d\",\"note\":\"for Q3\"}");
    Link link = link(created);
    JsonObject view = created.object();
    assertEquals("numbers.csv", view.getString("file"));
    assertEquals(owner.username(), view.getString("owner"));
    assertFalse(view.getBoolean("hasPassword"));
    assertEquals(0, view.getInt("downloads"));

    Res page = anonymous(link.page());
    assertEquals(200, page.status());
    assertTrue(page.text().contains("numbers.csv") && page.text().contains("for Q3"), page.text());
    assertNull(page.header("Set-Cookie"), "a stranger's visit leaves no session behind");
    assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));

    Res head =
        api.send(api.request(link.download()).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.status(), "a HEAD tells name and size and counts nothing");
    assertTrue(head.header("Content-Disposition").contains("numbers.csv"));
    Res download = anonymous(link.download());
    assertEquals(200, download.status(), download.toString());
    assertArrayEquals(CONTENT, download.bytes());
    assertNotNull(download.header("ETag"));
    assertTrue(download.header("Content-Disposition").contains("numbers.csv"));
    Res resumed = api.send(api.request(link.download()).header("Range", "bytes=4-").GET());
    assertEquals(206, resumed.status(), "a download resumes, as curl -C - asks");
    assertEquals(CONTENT.length - 4, resumed.bytes().length);

    JsonObject listed = only(api.get("/api/v1/links", owner), link.id());
    assertEquals(
        1, listed.getInt("downloads"), "one download started; the HEAD and the resume are free");
    assertFalse(listed.containsKey("url"), "the secret is shown once, at creation");

    assertEquals(204, api.delete("/api/v1/links/" + link.id(), owner).status());
    Res gone = anonymous(link.download());
    assertProblem(gone, 404);
    Res unknown = anonymous("/s/" + "A".repeat(32) + "/download");
    assertEquals(gone.text(), unknown.text(), "revoked and unknown answer alike");
    Res gonePage = anonymous(link.page());
    assertEquals(404, gonePage.status());
    assertEquals(anonymous("/s/" + "A".repeat(32)).text(), gonePage.text());
    assertEquals(0, api.get("/api/v1/links", owner).array().size());
  }

  private static JsonObject only(Res list, String id) {
    assertEquals(200, list.status(), list.toString());
    return list.array().stream()
        .map(v -> v.asJsonObject())
        .filter(l -> l.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("link " + id + " not in " + list));
  }

  @Test
  void exactlyMaxDownloadsSucceedAmongTwentyConcurrentDownloaders() throws Exception {
    Caller owner = ownerWithFile("popular.bin");
    Link link = create(owner, "popular.bin", ",\"maxDownloads\":3");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Res>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit((Callable<Res>) () -> anonymous(link.download())));
      }
      int ok = 0;
      for (Future<Res> answer : answers) {
        Res res = answer.get();
        if (res.status() == 200) {
          assertArrayEquals(CONTENT, res.bytes());
          ok++;
        } else {
          assertEquals(404, res.status(), res.toString());
        }
      }
      assertEquals(3, ok, "exactly maxDownloads downloads start");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(404, anonymous(link.page()).status(), "a used-up link's page is gone too");
    assertEquals(
        206,
        api.send(api.request(link.download()).header("Range", "bytes=10-").GET()).status(),
        "a download that started may still resume for a while after the link is used up");
    assertEquals(3, only(api.get("/api/v1/links", owner), link.id()).getInt("downloads"));
  }

  @Test
  void aPasswordIsAskedForCheckedAndThrottled() {
    Caller owner = ownerWithFile("secret.txt");
    Link link = create(owner, "secret.txt", ",\"password\":\"open sesame 42\"");
    Api stranger = api.from("127.0.0.61");

    Res asked = stranger.get(link.download(), Caller.ANONYMOUS);
    assertProblem(asked, 401);
    assertTrue(asked.header("WWW-Authenticate").contains("ft link"), asked.toString());
    Res right = stranger.get(link.download(), Caller.basic("", "open sesame 42"));
    assertEquals(200, right.status(), right.toString());
    assertArrayEquals(CONTENT, right.bytes());

    Res wrong = stranger.get(link.download(), Caller.basic("", "guess"));
    Res unknown = stranger.get("/s/" + "B".repeat(32) + "/download", Caller.basic("", "guess"));
    assertProblem(wrong, 404);
    assertEquals(unknown.text(), wrong.text(), "a wrong password and an unknown link answer alike");

    Res throttled = null;
    for (int i = 0; i < 10 && (throttled == null || throttled.status() != 429); i++) {
      throttled = stranger.get(link.download(), Caller.basic("", "guess " + i));
    }
    assertProblem(throttled, 429);
    assertNotNull(throttled.header("Retry-After"));
    assertProblem(
        api.from("127.0.0.62").get(link.download(), Caller.basic("", "open sesame 42")), 429);
  }

  @Test
  void allowFromLetsOnlyThoseAddressesIn() {
    Caller owner = ownerWithFile("office-only.txt");
    Link link = create(owner, "office-only.txt", ",\"allowFrom\":[\"127.0.0.64/31\"]");
    assertEquals(404, api.from("127.0.0.63").get(link.download(), Caller.ANONYMOUS).status());
    assertEquals(404, api.from("127.0.0.63").get(link.page(), Caller.ANONYMOUS).status());
    assertEquals(200, api.from("127.0.0.65").get(link.download(), Caller.ANONYMOUS).status());
  }

  @Test
  void aLinkExpires() {
    Caller owner = ownerWithFile("brief.txt");
    Link link = link(create(owner, "{\"file\":\"brief.txt\",\"expiresIn\":\"3s\"}"));
    assertEquals(200, anonymous(link.download()).status());
    await().atMost(Duration.ofSeconds(30)).until(() -> anonymous(link.download()).status() == 404);
    assertEquals(404, anonymous(link.page()).status());
  }

  @Test
  void replacingAFileKeepsItsLinksAndDeletingItOrItsOwnerKillsThem() {
    Caller owner = ownerWithFile("report.txt");
    Link link = create(owner, "report.txt", "");
    byte[] newer = "the corrected report\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(200, api.putBytes(UploadsIT.file("report.txt"), owner, newer).status());
    assertArrayEquals(newer, anonymous(link.download()).bytes(), "the link gives the new bytes");

    assertEquals(204, api.delete(UploadsIT.file("report.txt"), owner).status());
    assertEquals(404, anonymous(link.download()).status());

    Caller leaving = ownerWithFile("farewell.txt");
    Link orphan = create(leaving, "farewell.txt", "");
    assertEquals(
        204, api.delete("/api/v1/admin/users/" + leaving.username(), api.admin()).status());
    assertEquals(404, anonymous(orphan.download()).status());
    assertEquals(404, anonymous(orphan.page()).status());
  }

  @Test
  void anAdminLinksAnyUsersFileAndSeesAndRevokesEveryLink() {
    Caller owner = ownerWithFile("audit.pdf");
    Caller admin = api.admin();
    Link link =
        link(
            create(
                admin,
                "{\"file\":\"audit.pdf\",\"owner\":\""
                    + owner.username()
                    + "\",\"expiresIn\":\"2d\"}"));
    JsonObject mine = only(api.get("/api/v1/links", owner), link.id());
    assertEquals("admin", mine.getString("createdBy"), "the owner sees who made it");
    only(api.get("/api/v1/admin/links", admin), link.id());
    assertArrayEquals(CONTENT, anonymous(link.download()).bytes());

    Caller other = api.register("lnk");
    assertProblem(
        create(
            other,
            "{\"file\":\"audit.pdf\",\"owner\":\"" + owner.username() + "\",\"expiresIn\":\"1d\"}"),
        403);
    assertProblem(api.delete("/api/v1/links/" + link.id(), other), 404);
    assertProblem(api.get("/api/v1/admin/links", other), 403);

    assertEquals(204, api.delete("/api/v1/admin/links/" + link.id(), admin).status());
    assertEquals(404, anonymous(link.download()).status());
  }

  @Test
  void badRequestsAreRefusedAndMakeNoLink() {
    Caller owner = ownerWithFile("a.txt");
    for (String bad :
        List.of(
            "{\"file\":\"a.txt\"}",
            "{\"file\":\"a.txt\",\"expiresIn\":\"31d\"}",
            "{\"file\":\"a.txt\",\"expiresIn\":\"1d\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}",
            "{\"file\":\"a.txt\",\"expiresAt\":\"2000-01-01T00:00:00Z\"}",
            "{\"file\":\"a.txt\",\"expiresIn\":\"soon\"}",
            "{\"file\":\"a.txt\",\"expiresIn\":\"1d\",\"maxDownloads\":0}",
            "{\"file\":\"a.txt\",\"expiresIn\":\"1d\",\"allowFrom\":[\"example.org\"]}",
            "{\"file\":\"a.txt\",\"expiresIn\":\"1d\",\"allowFrom\":[\"10.0.0.0/33\"]}",
            "{\"file\":\"a.txt\",\"expiresIn\":\"1d\",\"password\":\"short\"}",
            "{\"expiresIn\":\"1d\"}")) {
      assertProblem(create(owner, bad), 400);
    }
    assertProblem(create(owner, "{\"file\":\"nope.txt\",\"expiresIn\":\"1d\"}"), 404);
    assertProblem(create(Caller.ANONYMOUS, "{\"file\":\"a.txt\",\"expiresIn\":\"1d\"}"), 401);
    assertEquals(0, api.get("/api/v1/links", owner).array().size(), "nothing was made");
  }

  @Test
  void aBrowserOpensALinkGivesItsPasswordAndSavesTheFile(@TempDir Path downloads) throws Exception {
    Caller owner = ownerWithFile("plans.txt");
    Link link = create(owner, "plans.txt", ",\"password\":\"open sesame 42\"");
    try (Browser browser = Browser.open(api, downloads)) {
      browser.go(link.page());
      assertEquals("plans.txt", browser.find("#file-name").getText());
      browser.find("#password").sendKeys("not the password");
      browser.clickAndWait(browser.find("#download"));
      assertTrue(browser.find("#error").getText().contains("not right"));

      browser.find("#password").sendKeys("open sesame 42");
      browser.find("#download").click();
      Path saved = downloads.resolve("plans.txt");
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(saved));
      assertArrayEquals(CONTENT, Files.readAllBytes(saved));
      assertNull(
          browser.driver().manage().getCookieNamed("FT_SESSION"), "a stranger gets no session");
    }
  }
}
