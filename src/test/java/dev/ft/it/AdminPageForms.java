package dev.ft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Res;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin page driven over plain HTTP, as a browser's form posts would, without a browser. */
public final class AdminPageForms {
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  public static final String SESSION_COOKIE = "FT_SESSION";

  private AdminPageForms() {}

  /**
   * Signs the admin in on the form; answers the session cookie's value, or "status N" when the
   * sign-in was refused.
   */
  public static String signIn(Api api) {
    Res form = api.sendHttp1(api.request("/admin/login"));
    String csrfCookie = cookie(form, "__Host-ft-csrf");
    String token = csrfField(form);
    assertEquals(csrfCookie, token, "the form repeats its cookie");
    Res signedIn =
        api.sendHttp1(
            api.request("/admin/login")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=admin&password="
                            + URLEncoder.encode(api.adminPassword(), StandardCharsets.UTF_8)
                            + "&csrf="
                            + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-ft-csrf=" + csrfCookie));
    if (signedIn.status() != 302) {
      return "status " + signedIn.status();
    }
    String session = cookie(signedIn, SESSION_COOKIE);
    String header = signedIn.header("Set-Cookie");
    assertEquals(1, header.split("SameSite=Strict", -1).length - 1, "SameSite once: " + header);
    Res page = page(api, "/admin", session);
    assertEquals(200, page.status(), "signed in: " + page);
    assertNotEquals(token, csrfField(page), "the form token from before sign-in does not survive");
    return session;
  }

  /** A page, as the browser holding {@code session} sees it. */
  public static Res page(Api api, String path, String session) {
    return api.sendHttp1(api.request(path).header("Cookie", SESSION_COOKIE + "=" + session));
  }

  /**
   * Posts a form of the page as the signed-in browser would: the server takes no post without the
   * session's form token, so it is read from a page first.
   */
  public static Res post(Api api, String path, String session, String fields) {
    String token = csrfField(page(api, "/admin", session));
    return api.sendHttp1(
        api.request(path)
            .POST(HttpRequest.BodyPublishers.ofString(fields + "&csrf=" + token))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", SESSION_COOKIE + "=" + session));
  }

  public static String cookie(Res answer, String name) {
    return answer.response().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + name + " cookie in " + answer.response().headers()));
  }

  public static String csrfField(Res page) {
    Matcher m = CSRF_FIELD.matcher(page.text());
    assertTrue(m.find(), "the page carries a form token: " + page);
    return m.group(1);
  }
}
