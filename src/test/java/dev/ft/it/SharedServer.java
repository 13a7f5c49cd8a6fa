package dev.ft.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@code payara/serve} for every test class of a test run, started before the first of them and
 * stopped when the run ends. It runs with small limits, so limit tests move megabytes, not
 * gigabytes, and a low BCrypt cost, so logins are quick. The settings that differ between runs (the
 * database, how long tokens and unfinished uploads live, how many failed logins an address may
 * make) come from failsafe's system properties ({@code pom.xml}); the keystore comes from {@code
 * src/test/prepare-it-server}, so {@link Api#fromSystemProperties} trusts it before the server has
 * started.
 */
public final class SharedServer implements BeforeAllCallback {
  static final long MAX_FILE_SIZE = 8L * 1024 * 1024;
  static final long USER_QUOTA = 3 * MAX_FILE_SIZE;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedServer.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    // The root context's store closes its AutoCloseable values when the whole run ends.
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(ServeProcess.class, key -> start(), ServeProcess.class);
  }

  private static ServeProcess start() {
    Path dir = Path.of(System.getProperty("ft.it.dir"));
    Map<String, String> env = new HashMap<>();
    env.put("FT_KEYSTORE", dir.resolve("tls/keystore.p12").toString());
    env.put("FT_KEYSTORE_PASSWORD", System.getProperty("ft.it.keystore.password"));
    env.put("FT_ADMIN_PASSWORD", System.getProperty("ft.it.admin.password"));
    env.put("FT_MAX_FILE_SIZE", Long.toString(MAX_FILE_SIZE));
    env.put("FT_USER_QUOTA", Long.toString(USER_QUOTA));
    env.put("FT_TOKEN_TTL", System.getProperty("ft.it.token-ttl"));
    env.put("FT_UPLOAD_EXPIRY", System.getProperty("ft.it.upload-expiry"));
    env.put(
        "FT_LOGIN_MAX_FAILURES_PER_ADDRESS", System.getProperty("ft.it.max-failures-per-address"));
    env.put("FT_ACCESS_LOG", dir.resolve("access.log").toString());
    env.put("FT_METRICS_FROM", "127.0.0.1");
    env.putAll(ServeProcess.databaseNamedBy("ft.it.db.url"));
    int port = Integer.parseInt(System.getProperty("ft.it.port"));
    try {
      return new ServeProcess(dir.resolve("data"), port, env, Api.fromSystemProperties()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the test server started", e);
    }
  }
}
