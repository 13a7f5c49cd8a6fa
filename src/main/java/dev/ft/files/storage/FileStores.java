package dev.ft.files.storage;

import dev.ft.platform.DataFolder;
import dev.ft.platform.Grid;
import dev.ft.platform.StartRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one {@link FileStore} of this server, chosen by {@code FT_STORAGE}: {@code filesystem} (the
 * default, under {@code FT_STORAGE_DIR}) or {@code s3} (a bucket, see {@link S3Settings}).
 */
@ApplicationScoped
public class FileStores {
  private static final Logger LOG = Logger.getLogger(FileStores.class.getName());

  @Inject Grid grid;

  @Produces
  @ApplicationScoped
  FileStore configured() {
    try {
      return fromSettings(new UploadWriters(grid));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new StartRefused(e.getMessage(), e);
    }
  }

  private static FileStore fromSettings(UploadWriters writers) {
    Config config = ConfigProvider.getConfig(FileStores.class.getClassLoader());
    Path data = DataFolder.from(config);
    String kind = config.getOptionalValue("ft.storage", String.class).orElse("filesystem").strip();
    return switch (kind) {
      case "filesystem" -> new FilesystemFileStore(storageFolder(config, data), writers);
      case "s3" -> {
        S3Settings settings = S3Settings.from(name -> config.getOptionalValue(name, String.class));
        LOG.info(
            () ->
                "Storing files in the S3 bucket "
                    + settings.bucket()
                    + settings.endpoint().map(uri -> " at " + uri).orElse("")
                    + " in parts of "
                    + (settings.partSize() >> 20)
                    + " MiB");
        yield new S3FileStore(settings, writers);
      }
      default ->
          throw new IllegalArgumentException(
              "FT_STORAGE must be filesystem or s3, not '" + kind + "'");
    };
  }

  void close(@Disposes FileStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  private static Path storageFolder(Config config, Path data) {
    return config
        .getOptionalValue("ft.storage-dir", String.class)
        .filter(s -> !s.isBlank())
        .map(dir -> Path.of(dir).toAbsolutePath().normalize())
        .orElse(data);
  }
}
