package dev.ft.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A curl-like client for the tests: real HTTPS that trusts only the test server's self-signed
 * certificate, with small helpers for the calls every test makes.
 */
public final class Api {
  private static final AtomicInteger USERS = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
  public static final String PASSWORD = "correct horse battery";

  private final URI base;
  private final SSLContext tls;
  private final HttpClient http;
  private final HttpClient http1;
  private final String adminPassword;

  private Api(URI base, SSLContext tls, String adminPassword) {
    this(base, tls, adminPassword, null);
  }

  private Api(URI base, SSLContext tls, String adminPassword, InetAddress localAddress) {
    this.base = base;
    this.tls = tls;
    this.http = client(tls, localAddress).build();
    this.http1 = client(tls, localAddress).version(HttpClient.Version.HTTP_1_1).build();
    this.adminPassword = adminPassword;
  }

  private static HttpClient.Builder client(SSLContext tls, InetAddress localAddress) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10));
    return localAddress == null ? builder : builder.localAddress(localAddress);
  }

  /**
   * The same server, called from another loopback address (127.0.0.2 to 127.0.0.254): what a test
   * does to its address's counters leaves every other test's address alone.
   */
  public Api from(String loopbackAddress) {
    try {
      return new Api(base, tls, adminPassword, InetAddress.getByName(loopbackAddress));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(loopbackAddress, e);
    }
  }

  /** A client for a server started elsewhere, trusting the certificates of a PEM file. */
  public static Api forServer(URI base, java.nio.file.Path pemFile, String adminPassword) {
    try (InputStream in = java.nio.file.Files.newInputStream(pemFile)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (var cert :
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca" + i++, cert);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return new Api(base, context, adminPassword);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read " + pemFile, e);
    }
  }

  public HttpClient http() {
    return http1;
  }

  static Api fromSystemProperties() {
    String dir = System.getProperty("ft.it.dir");
    String port = System.getProperty("ft.it.port");
    return new Api(
        URI.create("https://localhost:" + port),
        trusting(dir + "/tls/keystore.p12", System.getProperty("ft.it.keystore.password")),
        System.getProperty("ft.it.admin.password"));
  }

  private static SSLContext trusting(String keystorePath, String password) {
    try (InputStream in = new FileInputStream(keystorePath)) {
      KeyStore keystore = KeyStore.getInstance("PKCS12");
      keystore.load(in, password.toCharArray());
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ft", keystore.getCertificate("ft"));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the test server's certificate", e);
    }
  }

  /** A raw TLS socket to the server, for requests no well-behaved client would send. */
  public javax.net.ssl.SSLSocket rawSocket() throws IOException {
    javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket)
            tls.getSocketFactory().createSocket(base.getHost(), base.getPort());
    javax.net.ssl.SSLParameters params = socket.getSSLParameters();
    params.setApplicationProtocols(new String[] {"http/1.1"});
    socket.setSSLParameters(params);
    socket.setSoTimeout(30_000);
    socket.startHandshake();
    return socket;
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  /** A fresh username for this run. */
  public static String newUsername(String prefix) {
    return prefix + RUN + "-" + USERS.incrementAndGet();
  }

  public static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---- requests

  public Res send(HttpRequest.Builder request) {
    return send(http, request);
  }

  public Res sendHttp1(HttpRequest.Builder request) {
    return send(http1, request);
  }

  private static Res send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          client.send(
              request.timeout(Duration.ofMinutes(2)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Res(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path));
  }

  public Res get(String path, Caller caller) {
    return send(caller.sign(request(path).GET()));
  }

  /** The names of the caller's own files, as their listing gives them. */
  public List<String> fileNames(Caller caller) {
    return get("/api/v1/files", caller).array().stream()
        .map(v -> v.asJsonObject().getString("name"))
        .toList();
  }

  public Res delete(String path, Caller caller) {
    return send(caller.sign(request(path).DELETE()));
  }

  public Res putBytes(String path, Caller caller, byte[] bytes) {
    return send(
        caller.sign(
            request(path)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/octet-stream")));
  }

  public Res sendJson(String method, String path, Caller caller, String json) {
    return send(
        caller.sign(
            request(path)
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")));
  }

  public Res multipart(String path, Caller caller, Multipart form) {
    return send(
        caller.sign(
            request(path)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(form.bytes())))
                .header("Content-Type", form.contentType())));
  }

  // ---- resumable uploads

  /** A tus creation: an upload of {@code length} bytes, described by {@code metadata}. */
  public Res createUpload(Caller caller, long length, String metadata) {
    return send(
        caller.sign(
            request("/api/v1/uploads")
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata)));
  }

  /** A new tus upload of {@code length} bytes into {@code name}: its path. */
  public String newUpload(Caller caller, String name, long length) {
    Res created = createUpload(caller, length, metadata("filename", name));
    if (created.status() != 201) {
      throw new IllegalStateException("Creating an upload answered " + created);
    }
    return URI.create(created.header("Location")).getPath();
  }

  /** A tus piece of the upload at {@code path} from {@code offset}, waiting for its body. */
  public HttpRequest.Builder uploadPiece(Caller caller, String path, long offset) {
    return caller.sign(
        request(path)
            .header("Tus-Resumable", "1.0.0")
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", Long.toString(offset)));
  }

  /** Sends {@code bytes} as one tus piece of the upload at {@code path} from {@code offset}. */
  public Res sendPiece(Caller caller, String path, long offset, byte[] bytes) {
    return send(
        uploadPiece(caller, path, offset)
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  /** The offset the server holds for the upload at {@code path}. */
  public long uploadOffset(Caller caller, String path) {
    Res head =
        send(
            caller.sign(
                request(path)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Tus-Resumable", "1.0.0")));
    if (head.status() != 200) {
      throw new IllegalStateException("Asking for the offset answered " + head);
    }
    return Long.parseLong(head.header("Upload-Offset"));
  }

  /** One {@code Upload-Metadata} pair: the key and its value in base64. */
  public static String metadata(String key, String value) {
    return key
        + " "
        + java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  // ---- accounts

  /** A registration of {@code username} with the test password, whatever it answers. */
  public Res tryRegister(String username) {
    return sendJson(
        "POST",
        "/api/v1/auth/register",
        Caller.ANONYMOUS,
        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
  }

  public Caller register(String prefix) {
    String username = newUsername(prefix);
    Res created = tryRegister(username);
    if (created.status() != 201) {
      throw new IllegalStateException("Registering " + username + " answered " + created);
    }
    return login(username, PASSWORD);
  }

  public Caller login(String username, String password) {
    Res login =
        sendJson(
            "POST",
            "/api/v1/auth/login",
            Caller.ANONYMOUS,
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    if (login.status() != 200) {
      throw new IllegalStateException("Logging in " + username + " answered " + login);
    }
    return Caller.bearer(username, login.json().asJsonObject().getString("token"));
  }

  public Caller admin() {
    return login("admin", adminPassword);
  }

  public String adminPassword() {
    return adminPassword;
  }

  /** Who sends a request, and how they prove it. */
  public record Caller(String username, String authorization) {
    public static final Caller ANONYMOUS = new Caller(null, null);

    public static Caller bearer(String username, String token) {
      return new Caller(username, "Bearer " + token);
    }

    public static Caller basic(String username, String password) {
      return new Caller(
          username,
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpRequest.Builder sign(HttpRequest.Builder request) {
      return authorization == null ? request : request.header("Authorization", authorization);
    }

    @Override
    public String toString() {
      return username == null ? "anonymous" : username;
    }
  }

  /** A response with its body read. */
  public record Res(HttpResponse<byte[]> response) {
    public int status() {
      return response.statusCode();
    }

    public byte[] bytes() {
      return response.body();
    }

    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonValue json() {
      return Json.createReader(new ByteArrayInputStream(response.body())).readValue();
    }

    public JsonObject object() {
      return json().asJsonObject();
    }

    public JsonArray array() {
      return json().asJsonArray();
    }

    @Override
    public String toString() {
      String body = text();
      return response.request().method()
          + " "
          + response.uri().getRawPath()
          + " -> "
          + status()
          + " "
          + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }
}
