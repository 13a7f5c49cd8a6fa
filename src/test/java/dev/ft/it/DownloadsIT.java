package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import java.net.http.HttpRequest;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads: headers, ranges, validators and HEAD. */
class DownloadsIT extends ServerIT {
  private static final String NAME = "Grüße & \"quotes\".txt";
  private static final byte[] CONTENT = Bytes.random(1_000_003, 42);

  private Caller owner;
  private String path;

  @BeforeEach
  void upload() {
    owner = api.register("dl");
    path = UploadsIT.file(NAME);
    assertEquals(
        201,
        api.send(
                owner.sign(
                    api.request(path)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(CONTENT))
                        .header("Content-Type", "text/plain; charset=UTF-8")))
            .status());
  }

  private Res get(String... headers) {
    HttpRequest.Builder request = api.request(path).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return api.send(owner.sign(request));
  }

  @Test
  void aDownloadCarriesEveryHeaderTheContractNames() {
    Res download = get();
    assertEquals(200, download.status());
    assertArrayEquals(CONTENT, download.bytes());
    assertEquals(Integer.toString(CONTENT.length), download.header("Content-Length"));
    assertEquals(
        "text/plain; charset=UTF-8", download.header("Content-Type"), "the declared type is kept");
    assertEquals("\"" + Bytes.sha256Hex(CONTENT) + "\"", download.header("ETag"));
    assertEquals("bytes", download.header("Accept-Ranges"));
    assertEquals(
        "sha-256=:" + Base64.getEncoder().encodeToString(Bytes.sha256(CONTENT)) + ":",
        download.header("Repr-Digest"));
    ZonedDateTime lastModified =
        ZonedDateTime.parse(download.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME);
    assertTrue(lastModified.toInstant().isAfter(java.time.Instant.now().minusSeconds(300)));
    String disposition = download.header("Content-Disposition");
    assertTrue(disposition.startsWith("attachment; filename=\""), disposition);
    assertTrue(
        disposition.contains("filename*=UTF-8''Gr%C3%BC%C3%9Fe%20&%20%22quotes%22.txt"),
        disposition);
    assertTrue(
        !disposition.contains("\"quotes\""),
        "an unescaped quote would break the header: " + disposition);
    assertEquals("nosniff", download.header("X-Content-Type-Options"));
    assertEquals(
        "private", download.header("Cache-Control"), "no shared cache keeps a private file");
  }

  @Test
  void headAnswersTheSameHeadersWithoutBytes() {
    Res head =
        api.send(owner.sign(api.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody())));
    assertEquals(200, head.status());
    assertEquals(0, head.bytes().length);
    assertEquals(Integer.toString(CONTENT.length), head.header("Content-Length"));
    assertEquals(get().header("ETag"), head.header("ETag"));
  }

  @Test
  void singleRangesAnswer206() {
    Res first = get("Range", "bytes=0-9");
    assertEquals(206, first.status());
    assertEquals("bytes 0-9/" + CONTENT.length, first.header("Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(CONTENT, 0, 10), first.bytes());

    Res open = get("Range", "bytes=1000000-");
    assertEquals(206, open.status());
    assertArrayEquals(Arrays.copyOfRange(CONTENT, 1_000_000, CONTENT.length), open.bytes());

    Res suffix = get("Range", "bytes=-5");
    assertEquals("bytes 999998-1000002/" + CONTENT.length, suffix.header("Content-Range"));
    assertArrayEquals(
        Arrays.copyOfRange(CONTENT, CONTENT.length - 5, CONTENT.length), suffix.bytes());

    Res pastTheEnd = get("Range", "bytes=10-99999999");
    assertEquals(206, pastTheEnd.status(), "a last position past the end is cut to the end");
    assertEquals(CONTENT.length - 10, pastTheEnd.bytes().length);
    Res head =
        api.send(
            owner.sign(
                api.request(path)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Range", "bytes=5-6")));
    assertEquals(206, head.status());
    assertEquals("2", head.header("Content-Length"));
  }

  @Test
  void unsatisfiableAndMalformedRangesAnswer416() {
    for (String range :
        new String[] {
          "bytes=1000003-",
          "bytes=2000000-2000001",
          "bytes=0-1,5-6",
          "bytes=5-1",
          "items=0-1",
          "bytes=abc",
          "bytes=-0",
          "bytes=99999999999999999999-"
        }) {
      Res answer = get("Range", range);
      assertEquals(416, answer.status(), range + ": " + answer);
      assertEquals("bytes */" + CONTENT.length, answer.header("Content-Range"));
      assertProblem(answer, 416);
    }
  }

  @Test
  void ifNoneMatchWithTheCurrentEtagAnswers304() {
    String etag = get().header("ETag");
    Res notModified = get("If-None-Match", etag);
    assertEquals(304, notModified.status());
    assertEquals(0, notModified.bytes().length);
    assertEquals(200, get("If-None-Match", "\"something-else\"").status());
    assertEquals(
        304,
        get("If-None-Match", "\"other\", W/" + etag).status(),
        "a list and weak tags match too");
  }

  @Test
  void ifRangeServesTheRangeOnlyForTheSameContent() {
    String etag = get().header("ETag");
    assertEquals(206, get("Range", "bytes=0-0", "If-Range", etag).status());
    Res changed = get("Range", "bytes=0-0", "If-Range", "\"old\"");
    assertEquals(200, changed.status(), "changed content: the whole new file");
    assertEquals(CONTENT.length, changed.bytes().length);
  }

  @Test
  void emptyFilesDownloadAsEmpty() {
    assertEquals(201, api.putBytes(UploadsIT.file("empty"), owner, new byte[0]).status());
    Res empty = api.get(UploadsIT.file("empty"), owner);
    assertEquals(200, empty.status());
    assertEquals("0", empty.header("Content-Length"));
    assertEquals(Bytes.sha256Hex(new byte[0]), empty.header("ETag").replace("\"", ""));
    assertEquals(
        416,
        api.send(owner.sign(api.request(UploadsIT.file("empty")).header("Range", "bytes=0-")))
            .status());
  }

  @Test
  void unknownFilesAre404Problems() {
    Res missing = api.get(UploadsIT.file("missing.txt"), owner);
    assertEquals(404, missing.status());
    assertProblem(missing, 404);
    assertNull(missing.header("ETag"));
    Res noPath = api.get("/api/v1/nothing-here", owner);
    assertEquals(404, noPath.status());
    assertProblem(noPath, 404);
  }
}
