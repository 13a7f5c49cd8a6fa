package dev.ft.files.storage;

import dev.ft.files.entity.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

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

  public void removeLeftovers() {
    try {
      store.removePending();
      Set<String> orphans = new HashSet<>(store.keys());
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
