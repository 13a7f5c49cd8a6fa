package dev.ft.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The HTTP side of every command: requests to the server's API, failures turned into one line with
 * the right exit code, and with --verbose the exchange on standard error.
 */
public final class ServerClient {
  private final URI server;
  private final HttpClient http;
  private final boolean verbose;
  private final PrintWriter err;

  ServerClient(URI server, SSLContext tls, boolean verbose, PrintWriter err) {
    this.server = server;
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NEVER)
            // Over HTTP/2 (a server with FT_HTTP2=true), an answer that refuses a body before
            // reading it would reach this client only after the server's idle timeout.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.verbose = verbose;
    this.err = err;
  }

  public URI server() {
    return server;
  }

  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public HttpRequest.Builder request(String apiPath, Session session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/v1" + apiPath));
    if (session != null) {
      request.header("Authorization", "Bearer " + session.token());
    }
    return request;
  }

  /** Sends a request and reads its answer as a stream; error statuses become failures. */
  public HttpResponse<InputStream> send(HttpRequest request) {
    if (verbose) {
      err.println("> " + request.method() + " " + request.uri());
      request
          .headers()
          .map()
          .forEach(
              (k, v) ->
                  err.println(
                      "> "
                          + k
                          + ": "
                          + (k.equalsIgnoreCase("Authorization")
                              ? "(hidden)"
                              : String.join(", ", v))));
      err.flush();
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException e) {
      throw new Failure(
          Failure.NETWORK,
          "cannot connect to " + server + ": connection refused — is the server running?");
    } catch (SSLHandshakeException e) {
      throw new Failure(
          Failure.NETWORK,
          untrusted(e)
              ? "certificate not trusted: use --cacert FILE"
              : "TLS handshake with " + server + " failed: " + e.getMessage());
    } catch (IOException e) {
      throw new Failure(Failure.NETWORK, "network error talking to " + server + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(Failure.NETWORK, "interrupted");
    }
    if (verbose) {
      err.println("< " + response.statusCode());
      response
          .headers()
          .map()
          .forEach((k, v) -> err.println("< " + k + ": " + String.join(", ", v)));
      err.flush();
    }
    if (response.statusCode() >= 400) {
      throw failureOf(response);
    }
    return response;
  }

  /** Sends a request whose answer is JSON (or empty). */
  public JsonValue json(HttpRequest request) {
    HttpResponse<InputStream> response = send(request);
    try (InputStream body = response.body()) {
      byte[] bytes = body.readAllBytes();
      if (bytes.length == 0) {
        return JsonValue.NULL;
      }
      return Json.createReader(new java.io.ByteArrayInputStream(bytes)).readValue();
    } catch (IOException e) {
      throw new Failure(
          Failure.NETWORK, "the connection broke while reading the answer: " + describe(e));
    } catch (JsonParsingException e) {
      throw new Failure(Failure.SERVER, "the server's answer is not JSON");
    }
  }

  /** Sends a JSON body ({@code POST}, {@code PUT}) and reads the JSON object answered. */
  public JsonObject sendJson(String method, String apiPath, Session session, JsonObject body) {
    HttpRequest request =
        request(apiPath, session)
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
            .header("Content-Type", "application/json")
            .build();
    return json(request).asJsonObject();
  }

  private Failure failureOf(HttpResponse<InputStream> response) {
    String detail = "HTTP " + response.statusCode();
    try (InputStream body = response.body()) {
      byte[] bytes = body.readNBytes(64 * 1024);
      JsonObject problem = Json.createReader(new java.io.ByteArrayInputStream(bytes)).readObject();
      detail = problem.getString("detail", problem.getString("title", detail));
    } catch (IOException | RuntimeException e) {
      // not a problem document: the status says enough
    }
    if (verbose) {
      err.println("< " + detail);
    }
    return new ServerFailure(
        response.statusCode(), detail, response.headers().firstValue("Retry-After").isPresent());
  }

  private static boolean untrusted(SSLHandshakeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("PKIX")
          || m.contains("certification path")
          || m.contains("No subject alternative")) {
        return true;
      }
    }
    return false;
  }

  static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * An error answer from the server: its status, the problem document's detail, and whether it said
   * when to try again ({@code Retry-After}: a refusal that passes by itself).
   */
  public static final class ServerFailure extends Failure {
    private final int status;
    private final boolean passing;

    ServerFailure(int status, String detail, boolean passing) {
      super(exitCodeOf(status), detail);
      this.status = status;
      this.passing = passing;
    }

    public int status() {
      return status;
    }

    public boolean passing() {
      return passing;
    }
  }
}
