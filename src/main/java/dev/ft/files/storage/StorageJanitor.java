package dev.ft.files.storage;

import dev.ft.files.entity.StoredFile;
import dev.ft.platform.Grid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Clears what a crash can leave behind, before the first request: unfinished uploads, and blobs
 * that no file row names (promoted by a transaction that never committed, or replaced by one whose
 * clean-up did not run).
 */
@ApplicationScoped
public class StorageJanitor {
  private static final Logger LOG = Logger.getLogger(StorageJanitor.class.getName());

  @PersistenceContext EntityManager em;
  @Inject FileStore store;
  @Inject Grid grid;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ft.cluster.leftover-age")
  Duration leftoverAge;

  /**
   * Alone, before the first request, everything there is a leftover. In a cluster another node may
   * be writing an upload, or have stored a file whose row is not committed yet, right now: only
   * what is older than {@code ft.cluster.leftover-age} is taken for a leftover.
   */
  public void removeLeftovers() {
    Instant before = grid.isClustered() ? clock.instant().minus(leftoverAge) : Instant.MAX;
    try {
      store.removePending(before);
      Set<String> orphans = new HashSet<>(store.keysWrittenBefore(before));
      orphans.removeAll(em.createNamedQuery(StoredFile.ALL_KEYS, String.class).getResultList());
      orphans.forEach(
          key -> {
            store.delete(key);
            LOG.info(() -> "Removed the orphaned blob " + key);
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check the storage folder", e);
    }
  }
}
