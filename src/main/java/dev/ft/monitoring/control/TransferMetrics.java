package dev.ft.monitoring.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Uploads and downloads as an operator graphs them: bytes moved ({@code ft_uploaded_bytes_total},
 * {@code ft_downloaded_bytes_total}), transfers by how they ended ({@code ft_uploads_total}, {@code
 * ft_downloads_total} by {@code outcome}) and transfers running now ({@code ft_transfers_in_flight}
 * by {@code direction}).
 */
@ApplicationScoped
public class TransferMetrics {

  /** How a transfer ended. */
  public enum Outcome {
    /** An upload whose file is stored. */
    STORED,
    /** A piece of a resumable upload, kept, with more to come. */
    PARTIAL,
    /** A download whose every byte was handed to the connection. */
    COMPLETE,
    /** Refused: a limit, a taken name, a bad request. */
    REFUSED,
    /** The bytes did not match the digest or checksum sent with them. */
    DIGEST_MISMATCH,
    /** The client went away before the end. */
    CLIENT_GONE,
    /** The server failed: storage, database, a bug. */
    ERROR;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Inject MeterRegistry registry;

  private final AtomicInteger uploading = new AtomicInteger();
  private final AtomicInteger downloading = new AtomicInteger();
  private final Map<Outcome, Counter> uploads = new EnumMap<>(Outcome.class);
  private final Map<Outcome, Counter> downloads = new EnumMap<>(Outcome.class);
  private Counter uploadedBytes;
  private Counter downloadedBytes;

  @PostConstruct
  void register() {
    uploadedBytes =
        Counter.builder("ft.uploaded")
            .baseUnit("bytes")
            .description("Bytes of uploads received, of every outcome")
            .register(registry);
    downloadedBytes =
        Counter.builder("ft.downloaded")
            .baseUnit("bytes")
            .description("Bytes of downloads handed to the connection")
            .register(registry);
    for (Outcome outcome : Outcome.values()) {
      if (outcome != Outcome.COMPLETE) {
        uploads.put(outcome, outcomes("ft.uploads", "Upload requests by how they ended", outcome));
      }
      if (outcome != Outcome.STORED && outcome != Outcome.PARTIAL) {
        downloads.put(outcome, outcomes("ft.downloads", "Downloads by how they ended", outcome));
      }
    }
    inFlight("upload", uploading);
    inFlight("download", downloading);
  }

  /** Made with the application, so its meters are there, at zero, before the first use. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  private Counter outcomes(String name, String description, Outcome outcome) {
    return Counter.builder(name)
        .description(description)
        .tag("outcome", outcome.wireName())
        .register(registry);
  }

  private void inFlight(String direction, AtomicInteger count) {
    Gauge.builder("ft.transfers.in.flight", count, AtomicInteger::get)
        .description("Uploads and downloads running now")
        .tag("direction", direction)
        .register(registry);
  }

  /**
   * Runs one upload request: in flight while it runs, then counted by how it ended, whether it
   * returned ({@code ended}) or threw ({@code failed}).
   */
  public <T> T upload(
      Supplier<T> work, Function<T, Outcome> ended, Function<RuntimeException, Outcome> failed) {
    uploading.incrementAndGet();
    try {
      T result = work.get();
      uploads.get(ended.apply(result)).increment();
      return result;
    } catch (RuntimeException e) {
      uploads.get(failed.apply(e)).increment();
      throw e;
    } catch (Error e) {
      uploads.get(Outcome.ERROR).increment();
      throw e;
    } finally {
      uploading.decrementAndGet();
    }
  }

  /** Bytes of an upload that arrived, whatever becomes of them. */
  public void received(long bytes) {
    if (bytes > 0) {
      uploadedBytes.increment(bytes);
    }
  }

  /** A download starts sending its bytes. */
  public Download download() {
    downloading.incrementAndGet();
    return new Download();
  }

  /** One download while it sends: its bytes as they go, and once how it ended. */
  public final class Download {
    private boolean ended;

    private Download() {}

    public void sent(long bytes) {
      downloadedBytes.increment(bytes);
    }

    public void end(Outcome outcome) {
      if (!ended) {
        ended = true;
        downloading.decrementAndGet();
        downloads.get(outcome).increment();
      }
    }
  }
}
