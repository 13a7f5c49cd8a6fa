package dev.ft.it;

import static dev.ft.it.AccountsIT.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.it.Api.Caller;
import dev.ft.it.Api.Res;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}: Prometheus' text format, open to {@code FT_METRICS_FROM} (here 127.0.0.1 only)
 * and to admins, and counters that go up by exactly what was done.
 */
class MetricsIT extends ServerIT {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$", Pattern.MULTILINE);

  /** Every sample, keyed by its name and labels without the node's: {@code name{a="b"}}. */
  static Map<String, Double> scrape(Api from, Caller caller) {
    Res metrics = from.get("/metrics", caller);
    assertEquals(200, metrics.status(), metrics.toString());
    assertTrue(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    Map<String, Double> samples = new HashMap<>();
    Matcher m = SAMPLE.matcher(metrics.text());
    while (m.find()) {
      String labels =
          m.group(3) == null
              ? ""
              : m.group(3).replaceAll("(^|,)node=\"[^\"]*\"", "").replaceAll("^,", "");
      samples.put(
          m.group(1) + (labels.isEmpty() ? "" : "{" + labels + "}"),
          Double.parseDouble(m.group(4)));
    }
    return samples;
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
    return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
  }

  @Test
  void countersGoUpByExactlyWhatWasDone() {
    Caller owner = api.register("met");
    byte[] bytes = new byte[1000];
    Map<String, Double> before = scrape(api, Caller.ANONYMOUS);

    assertEquals(201, api.putBytes(UploadsIT.file("m.bin"), owner, bytes).status());
    assertEquals(200, api.get(UploadsIT.file("m.bin"), owner).status());
    assertEquals(200, api.get(UploadsIT.file("m.bin"), owner).status());
    Res mismatch =
        api.send(
            owner.sign(
                api.request(UploadsIT.file("n.bin"))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .header(
                        "Content-Digest",
                        "sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:")));
    assertProblem(mismatch, 400);
    assertEquals(
        401, api.get("/api/v1/files", Caller.basic(owner.username(), "wrong password 1")).status());
    Caller again = api.login(owner.username(), Api.PASSWORD);
    assertEquals(204, api.sendJson("POST", "/api/v1/auth/logout", again, "").status());

    // A request is counted once it is answered, a moment after the client has the answer.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                delta(
                        before,
                        scrape(api, Caller.ANONYMOUS),
                        "ft_http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/auth/logout\",status=\"204\"}")
                    >= 1);
    Map<String, Double> after = scrape(api, Caller.ANONYMOUS);
    assertEquals(
        2000.0, delta(before, after, "ft_uploaded_bytes_total"), "both PUTs' bytes arrived");
    assertEquals(2000.0, delta(before, after, "ft_downloaded_bytes_total"));
    assertEquals(1.0, delta(before, after, "ft_uploads_total{outcome=\"stored\"}"));
    assertEquals(1.0, delta(before, after, "ft_uploads_total{outcome=\"digest_mismatch\"}"));
    assertEquals(2.0, delta(before, after, "ft_downloads_total{outcome=\"complete\"}"));
    assertEquals(1.0, delta(before, after, "ft_logins_total{outcome=\"ok\"}"));
    assertEquals(1.0, delta(before, after, "ft_logins_total{outcome=\"wrong\"}"));
    assertEquals(1.0, delta(before, after, "ft_tokens_issued_total"));
    assertEquals(1.0, delta(before, after, "ft_tokens_revoked_total"));
    assertEquals(
        2.0,
        delta(
            before,
            after,
            "ft_http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/files/{name}\",status=\"200\"}"));
    assertEquals(0.0, after.get("ft_transfers_in_flight{direction=\"upload\"}"));
    assertTrue(after.get("ft_storage_used_bytes{store=\"filesystem\"}") >= 1000);
    assertTrue(after.get("ft_storage_free_bytes{store=\"filesystem\"}") > 0);
    assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")));
    assertTrue(
        delta(before, after, "ft_db_connections_borrowed_total") >= 7,
        "every request above read or wrote the database through a pooled connection");
    assertEquals(32.0, after.get("ft_db_connections_max"));
    assertTrue(after.get("ft_db_connections_in_use") < 32.0);
  }

  @Test
  void onlyConfiguredAddressesAndAdminsReadThem() {
    Api elsewhere = api.from("127.0.0.72");
    Res anonymous = elsewhere.get("/metrics", Caller.ANONYMOUS);
    assertProblem(anonymous, 401);
    assertTrue(anonymous.header("WWW-Authenticate") != null);
    assertProblem(elsewhere.get("/metrics", api.register("met")), 403);
    assertTrue(scrape(elsewhere, api.admin()).containsKey("ft_uploaded_bytes_total"));
    assertTrue(
        api.get("/metrics", Caller.ANONYMOUS).text().contains("node=\""),
        "every series names its node");
  }

  @Test
  void theDashboardAsksOnlyForMetricsTheServerExports() throws Exception {
    api.get("/api/v1/public", Caller.ANONYMOUS); // so the request histogram has a series
    Map<String, Double> exported = scrape(api, Caller.ANONYMOUS);
    java.util.Set<String> names = new java.util.HashSet<>();
    exported.keySet().forEach(k -> names.add(k.replaceAll("\\{.*", "")));
    String dashboard =
        java.nio.file.Files.readString(java.nio.file.Path.of("deploy/grafana-dashboard.json"));
    jakarta.json.JsonObject json =
        jakarta.json.Json.createReader(new java.io.StringReader(dashboard)).readObject();
    java.util.List<String> queries = new java.util.ArrayList<>();
    collectQueries(json, queries);
    assertTrue(queries.size() >= 10, "the dashboard has its panels: " + queries);
    Pattern metric = Pattern.compile("\\b((?:ft|jvm|process)_[a-zA-Z0-9_]+)");
    for (String query : queries) {
      Matcher m = metric.matcher(query);
      assertTrue(m.find(), "every query reads a metric: " + query);
      do {
        assertTrue(names.contains(m.group(1)), m.group(1) + " is not exported; query: " + query);
      } while (m.find());
    }
  }

  /** Every PromQL text in the dashboard: the panels' {@code expr} and the variables' queries. */
  private static void collectQueries(jakarta.json.JsonValue value, java.util.List<String> into) {
    if (value instanceof jakarta.json.JsonObject object) {
      object.forEach(
          (key, child) -> {
            if ((key.equals("expr") || key.equals("definition"))
                && child instanceof jakarta.json.JsonString text) {
              into.add(text.getString());
            } else {
              collectQueries(child, into);
            }
          });
    } else if (value instanceof jakarta.json.JsonArray array) {
      array.forEach(child -> collectQueries(child, into));
    }
  }
}
