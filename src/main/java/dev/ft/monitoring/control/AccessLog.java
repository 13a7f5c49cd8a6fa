package dev.ft.monitoring.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One line per request ({@link AccessLine}), switched by {@code FT_ACCESS_LOG}: {@code off} (the
 * default), a file's path to write the lines there alone, appended, one per line, or {@code on}
 * into the server log (logger {@code ft.access}). The server log's console formatting took a
 * quarter of the throughput of small downloads here; a file of its own about a twentieth.
 */
@ApplicationScoped
public class AccessLog {
  private static final Logger LOG = Logger.getLogger("ft.access");

  @Inject
  @ConfigProperty(name = "ft.access-log")
  String setting;

  @Inject ThisNode node;

  private boolean enabled;
  private FileHandler file;

  @PostConstruct
  void open() {
    String value = setting.strip();
    enabled = !value.equalsIgnoreCase("off") && !value.equalsIgnoreCase("false");
    if (!enabled || value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true")) {
      return;
    }
    try {
      Path path = Path.of(value).toAbsolutePath();
      Files.createDirectories(path.getParent());
      file = new FileHandler(path.toString(), 0, 1, true);
      file.setFormatter(new LineOnly());
      LOG.addHandler(file);
      LOG.setUseParentHandlers(false);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "FT_ACCESS_LOG=" + value + " is neither on, off nor a file that can be written", e);
    }
  }

  @PreDestroy
  void close() {
    if (file != null) {
      LOG.removeHandler(file);
      file.close();
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Writes the line for a request answered now, which took {@code nanos}. */
  void record(HttpServletRequest request, String user, int status, long bytesOut, long nanos) {
    if (!enabled) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    LOG.info(
        new AccessLine(
                Instant.now(),
                node.name(),
                request.getRemoteAddr(),
                user,
                request.getMethod(),
                path.isEmpty() ? "/" : path,
                status,
                request.getContentLengthLong(),
                bytesOut,
                nanos / 1000)
            .toString());
  }

  /** The file holds the lines as they are; the server log adds its own time and level. */
  private static final class LineOnly extends Formatter {
    @Override
    public String format(LogRecord record) {
      return record.getMessage() + System.lineSeparator();
    }
  }
}
