package dev.ft.platform;

import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;

/**
 * The one folder that holds everything the server keeps: {@code ft.data-dir}, env {@code
 * FT_DATA_DIR}.
 */
public final class DataFolder {
  private DataFolder() {}

  public static Path from(Config config) {
    String dir = config.getOptionalValue("ft.data-dir", String.class).orElse("data");
    return Path.of(dir).toAbsolutePath().normalize();
  }
}
