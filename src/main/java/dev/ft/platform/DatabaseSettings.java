package dev.ft.platform;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the database is: {@code ft.db.url} (env {@code FT_DB_URL}) when set, otherwise an embedded
 * H2 database inside the data folder, so a fresh install keeps its data across restarts without any
 * setup.
 */
public record DatabaseSettings(String url, String user, String password) {

  public static DatabaseSettings fromConfig() {
    // The pool may open connections on a runtime thread whose context class loader is not the
    // application's, so ask for the application's configuration explicitly.
    Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
    Optional<String> url =
        config.getOptionalValue("ft.db.url", String.class).filter(s -> !s.isBlank());
    if (url.isPresent()) {
      return new DatabaseSettings(
          url.get(),
          config.getOptionalValue("ft.db.user", String.class).orElse(""),
          config.getOptionalValue("ft.db.password", String.class).orElse(""));
    }
    Path dataDir = DataFolder.from(config);
    // WRITE_DELAY=0: a commit reaches the file before it is acknowledged; H2's default keeps
    // it in memory for up to half a second, and a crash then loses acknowledged uploads.
    String h2 =
        "jdbc:h2:file:"
            + dataDir.resolve("db").resolve("ft").toAbsolutePath()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
    return new DatabaseSettings(h2, "ft", "");
  }

  public boolean isMySql() {
    return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + "]";
  }
}
