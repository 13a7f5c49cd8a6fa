package dev.ft.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;

/** The admin page, as an administrator uses it in a real browser. */
class AdminPageIT extends ServerIT {
  static final String XSS_NAME = "<img src=x onerror=alert(1)>.txt";
  static final byte[] REPORT = "quarterly numbers".getBytes(StandardCharsets.UTF_8);

  private Browser browser;
  private Caller seeded;
  private String testName;

  @BeforeEach
  void openBrowserAndSeed(TestInfo info) {
    testName = info.getTestMethod().orElseThrow().getName();
    seeded = api.register("page");
    assertEquals(201, api.putBytes(UploadsIT.file("report.txt"), seeded, REPORT).status());
    assertEquals(
        201, api.putBytes(UploadsIT.file(XSS_NAME), seeded, new byte[] {1, 2, 3}).status());
    browser = Browser.open(api);
  }

  @AfterEach
  void closeBrowser() {
    browser.screenshot(testName);
    browser.close();
  }

  private void signInAsAdmin() {
    browser.signIn("admin", api.adminPassword());
    assertTrue(browser.driver().getCurrentUrl().endsWith("/admin"), "signed in, on the users page");
  }

  private void openFilesOfSeeded() {
    browser.clickAndWait(
        browser.row("data-user", seeded.username()).findElement(By.cssSelector("a.files")));
    assertEquals(seeded.username(), browser.text("#owner"));
  }

  @Test
  void anAdminSeesEveryLiveLinkAndDropAndRevokesThem() {
    Res created =
        api.sendJson(
            "POST",
            "/api/v1/links",
            seeded,
            "{\"file\":\""
                + XSS_NAME.replace("\"", "\\\"")
                + "\",\"expiresIn\":\"1d\",\"maxDownloads\":5}");
    assertEquals(201, created.status(), created.toString());
    String id = created.object().getString("id");
    String download =
        java.net.URI.create(created.object().getString("url")).getPath() + "/download";
    signInAsAdmin();
    browser.go("/admin/links");
    var row = browser.find("#link-" + id);
    assertEquals(XSS_NAME, row.findElement(By.cssSelector("td.name")).getText(), "shown, not run");
    assertTrue(row.getText().contains(seeded.username()) && row.getText().contains("0 of 5"));
    browser.clickAndWait(row.findElement(By.cssSelector("button.revoke")));
    assertTrue(browser.text("#notice").contains(id), browser.text("#notice"));
    assertTrue(browser.driver().findElements(By.id("link-" + id)).isEmpty(), "gone from the list");
    assertEquals(404, api.get(download, Caller.ANONYMOUS).status(), "and dead for its holder");

    Res drop =
        api.sendJson(
            "POST",
            "/api/v1/drops",
            seeded,
            "{\"expiresIn\":\"1d\",\"note\":\"" + XSS_NAME + "\"}");
    assertEquals(201, drop.status(), drop.toString());
    String dropId = drop.object().getString("id");
    browser.go("/admin/links");
    var dropRow = browser.find("#drop-" + dropId);
    assertEquals(XSS_NAME, dropRow.findElement(By.cssSelector("td.note")).getText());
    browser.clickAndWait(dropRow.findElement(By.cssSelector("button.revoke")));
    assertTrue(browser.text("#notice").contains(dropId), browser.text("#notice"));
    assertEquals(0, api.get("/api/v1/drops", seeded).array().size(), "revoked");
  }

  @Test
  void anAdminSeesEveryUnfinishedUpload() {
    String name = "<img src=x onerror=alert(2)>.bin";
    Res created =
        api.send(
            seeded.sign(
                api.request("/api/v1/uploads")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[1024]))
                    .header("Tus-Resumable", "1.0.0")
                    .header("Content-Type", "application/offset+octet-stream")
                    .header("Upload-Length", "4096")
                    .header(
                        "Upload-Metadata",
                        "filename "
                            + java.util.Base64.getEncoder()
                                .encodeToString(name.getBytes(StandardCharsets.UTF_8)))));
    assertEquals(201, created.status(), created.toString());
    signInAsAdmin();
    browser.go("/admin/uploads");
    var row =
        browser.driver().findElements(By.cssSelector("#uploads tbody tr")).stream()
            .filter(r -> r.getText().contains(seeded.username()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(browser.driver().getPageSource()));
    assertEquals(name, row.findElement(By.cssSelector("td.name")).getText(), "shown, not run");
    assertEquals("1.0 KiB of 4.0 KiB", row.findElement(By.cssSelector("td.sent")).getText());
    assertEquals(seeded.username(), row.findElement(By.cssSelector("td.from")).getText());
  }

  @Test
  void anAdminSeesUsersTotalsAndAUsersFiles() {
    signInAsAdmin();
    var row = browser.row("data-user", seeded.username());
    assertEquals("user", row.findElement(By.cssSelector(".role")).getText());
    assertTrue(row.getText().contains(seeded.username()), row.getText());
    assertTrue(Integer.parseInt(browser.text("#total-users")) >= 2);
    assertTrue(
        browser.text("#free-space").matches("[0-9.]+ [KMGTPE]iB"), browser.text("#free-space"));
    browser.screenshot("users");
    openFilesOfSeeded();
    var report = browser.row("data-name", "report.txt");
    assertTrue(
        report.getText().contains("17 B"), "sizes are shown for people: " + report.getText());
    assertTrue(report.getText().contains("private"));
    browser.screenshot("files");
  }

  @Test
  void makingAFilePublicLetsAnyoneDownloadIt() {
    signInAsAdmin();
    openFilesOfSeeded();
    var row = browser.row("data-name", "report.txt");
    new Select(row.findElement(By.cssSelector("select[name=visibility]"))).selectByValue("public");
    browser.clickAndWait(row.findElement(By.cssSelector("button.set-visibility")));
    assertEquals("'report.txt' is now public.", browser.text("#notice"));
    assertEquals(
        "public",
        browser
            .row("data-name", "report.txt")
            .findElement(By.cssSelector(".visibility"))
            .getText());
    Res anonymous =
        api.get("/api/v1/public/" + seeded.username() + "/report.txt", Caller.ANONYMOUS);
    assertEquals(200, anonymous.status());
    assertArrayEquals(REPORT, anonymous.bytes());
  }

  @Test
  void deletingAFileRemovesIt() {
    signInAsAdmin();
    openFilesOfSeeded();
    browser.clickAndWait(
        browser.row("data-name", "report.txt").findElement(By.cssSelector("button.delete-file")));
    assertEquals("'report.txt' was deleted.", browser.text("#notice"));
    assertFalse(browser.hasRow("data-name", "report.txt"));
    assertEquals(404, api.get("/api/v1/files/report.txt", seeded).status());
  }

  @Test
  void promotingAUserGivesThemTheAdminRole() {
    signInAsAdmin();
    browser.clickAndWait(
        browser
            .row("data-user", seeded.username())
            .findElement(By.cssSelector("button.role-change")));
    assertEquals("'" + seeded.username() + "' is now admin.", browser.text("#notice"));
    assertEquals(
        "admin",
        browser.row("data-user", seeded.username()).findElement(By.cssSelector(".role")).getText());
    assertEquals("admin", api.get("/api/v1/auth/me", seeded).object().getString("role"));
    browser.clickAndWait(
        browser
            .row("data-user", seeded.username())
            .findElement(By.cssSelector("button.role-change")));
    assertEquals("user", api.get("/api/v1/auth/me", seeded).object().getString("role"));
  }

  @Test
  void deletingAUserAsksFirst() {
    signInAsAdmin();
    browser.clickAndWait(
        browser.row("data-user", seeded.username()).findElement(By.cssSelector("a.delete")));
    assertTrue(
        browser.driver().getPageSource().contains("cannot be undone"), "a confirmation step");
    assertEquals(
        200, api.get("/api/v1/auth/me", seeded).status(), "nothing is deleted before confirming");
    browser.clickAndWait(browser.find("#confirm-delete"));
    assertTrue(browser.text("#notice").contains("were removed"), browser.text("#notice"));
    assertFalse(browser.hasRow("data-user", seeded.username()));
    assertEquals(401, api.get("/api/v1/auth/me", seeded).status());
  }

  @Test
  void signingOutEndsTheSession() {
    signInAsAdmin();
    browser.clickAndWait(browser.find("#sign-out"));
    String signedOut = browser.driver().getCurrentUrl();
    assertTrue(
        java.net.URI.create(signedOut).getPath().endsWith("/admin/login"),
        "back on the sign-in page: " + signedOut);
    assertEquals("You are signed out.", browser.text("#notice"));
    browser.go("/admin");
    assertTrue(
        browser.driver().getCurrentUrl().endsWith("/admin/login"),
        "the page needs signing in again");
  }

  @Test
  void aPasswordChangeThroughTheApiEndsThePageSession() {
    assertEquals(
        200,
        api.sendJson(
                "PUT",
                "/api/v1/admin/users/" + seeded.username() + "/role",
                api.admin(),
                "{\"role\":\"admin\"}")
            .status());
    browser.signIn(seeded.username(), Api.PASSWORD);
    assertTrue(browser.driver().getCurrentUrl().endsWith("/admin"), "signed in, on the users page");
    assertEquals(
        204,
        api.sendJson(
                "POST",
                "/api/v1/auth/password",
                seeded,
                "{\"currentPassword\":\""
                    + Api.PASSWORD
                    + "\",\"newPassword\":\"a new and longer passphrase\"}")
            .status());
    browser.go("/admin");
    assertTrue(
        browser.driver().getCurrentUrl().endsWith("/admin/login"),
        "the page needs the new password");
  }

  @Test
  void aRegularUserIsRefusedWithAPage() {
    browser.signIn(seeded.username(), Api.PASSWORD);
    assertEquals("Not allowed", browser.text("#problem-title"));
    assertTrue(browser.text("#problem").contains("not an administrator"));
    assertFalse(browser.driver().getPageSource().contains("Exception"));
    browser.go("/admin");
    assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/login"), "no session was given");
  }

  @Test
  void wrongPasswordsAreRefusedAndThrottled() {
    for (int i = 0; i < 5; i++) {
      browser.signIn(seeded.username(), "wrong password");
      assertEquals("Wrong username or password.", browser.text("#error"));
    }
    browser.signIn(seeded.username(), Api.PASSWORD);
    assertTrue(browser.text("#error").startsWith("Too many failed logins"), browser.text("#error"));
  }

  @Test
  void aFileNamedLikeMarkupShowsAsTextAndRunsNothing() {
    signInAsAdmin();
    openFilesOfSeeded();
    var row = browser.row("data-name", XSS_NAME);
    assertEquals(XSS_NAME, row.findElement(By.cssSelector("td.name")).getText());
    assertTrue(
        browser.driver().findElements(By.cssSelector("td.name img")).isEmpty(),
        "no element was injected");
    assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefused() {
    signInAsAdmin();
    Cookie session = browser.driver().manage().getCookieNamed("FT_SESSION");
    for (String form :
        List.of(
            "user=" + seeded.username() + "&role=admin",
            "user=" + seeded.username() + "&role=admin&csrf=forged")) {
      Res forged =
          api.send(
              api.request("/admin/users/role")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Cookie", "FT_SESSION=" + session.getValue()));
      assertEquals(403, forged.status(), form + ": " + forged);
    }
    assertEquals(
        "user", api.get("/api/v1/auth/me", seeded).object().getString("role"), "nothing changed");
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndAStrictCookie() {
    Res login = api.get("/admin/login", Caller.ANONYMOUS);
    String csp = login.header("Content-Security-Policy");
    assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("script-src"), "no script may run: " + csp);
    assertEquals("nosniff", login.header("X-Content-Type-Options"));
    assertEquals("no-referrer", login.header("Referrer-Policy"));
    assertTrue(login.header("Strict-Transport-Security").startsWith("max-age="));
    String cookie = login.header("Set-Cookie");
    assertTrue(
        cookie.startsWith("__Host-ft-csrf=")
            && cookie.contains("Secure")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "the sign-in form's token cookie: " + cookie);
    assertEquals(1, cookie.split("SameSite", -1).length - 1, "each attribute once: " + cookie);
    assertTrue(
        login.response().headers().allValues("Set-Cookie").stream()
            .noneMatch(c -> c.startsWith("FT_SESSION")),
        "no session before sign-in");
  }
}
