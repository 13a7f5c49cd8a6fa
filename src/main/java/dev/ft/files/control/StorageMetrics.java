package dev.ft.files.control;

import dev.ft.files.storage.FileStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The store as an operator watches it, read at each scrape: {@code ft_storage_free_bytes} (what the
 * store's volume has left), {@code ft_storage_used_bytes} and {@code ft_storage_files} (what the
 * catalogue holds), each with the {@code store} it is about.
 */
@ApplicationScoped
public class StorageMetrics {
  private static final long FRESH_NANOS = 1_000_000_000L;

  @Inject MeterRegistry registry;
  @Inject FileStore store;
  @Inject FileCatalog catalog;

  private volatile Read lastRead;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    String kind = store.kind();
    if (hasFreeSpace()) { // object storage has no such bound
      Gauge.builder("ft.storage.free", this, StorageMetrics::free)
          .description("Bytes the store can still take")
          .baseUnit("bytes")
          .tag("store", kind)
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("ft.storage.used", this, m -> m.totals().bytes())
        .description("Bytes of all stored files")
        .baseUnit("bytes")
        .tag("store", kind)
        .strongReference(true)
        .register(registry);
    Gauge.builder("ft.storage.files", this, m -> m.totals().files())
        .description("Stored files")
        .tag("store", kind)
        .strongReference(true)
        .register(registry);
  }

  /**
   * The catalogue's totals, read once for both gauges of a scrape: the two are sampled one after
   * the other, and a second query a moment later would tell nothing new.
   */
  private FileCatalog.Totals totals() {
    Read last = lastRead;
    long now = System.nanoTime();
    if (last == null || now - last.atNanos() > FRESH_NANOS) {
      last = new Read(catalog.totals(), now);
      lastRead = last;
    }
    return last.totals();
  }

  private record Read(FileCatalog.Totals totals, long atNanos) {}

  private boolean hasFreeSpace() {
    try {
      return store.freeSpace().isPresent();
    } catch (IOException e) {
      return true; // a filesystem that cannot say now
    }
  }

  private double free() {
    try {
      return store.freeSpace().orElse(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
