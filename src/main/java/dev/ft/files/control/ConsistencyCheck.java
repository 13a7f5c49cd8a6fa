package dev.ft.files.control;

import dev.ft.files.entity.StoredFile;
import dev.ft.files.storage.FileStore;
import dev.ft.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks metadata against storage, both ways: every file row has its blob with the recorded size
 * (and, when asked, SHA-256), and every blob belongs to a row. Admins run it through the API or
 * {@code payara/verify}; the fault tests run it after every fault.
 */
@ApplicationScoped
public class ConsistencyCheck {

  @PersistenceContext EntityManager em;
  @Inject FileStore store;

  /** What the check found; {@code consistent} is true when every list is empty. */
  public record Report(
      boolean consistent,
      int files,
      int blobs,
      List<String> missingBlobs,
      List<String> orphanBlobs,
      List<String> sizeMismatches,
      List<String> digestMismatches) {}

  public Report run(boolean deep) {
    try {
      List<StoredFile> files =
          em.createQuery("SELECT f FROM StoredFile f", StoredFile.class).getResultList();
      Set<String> blobs = new HashSet<>(store.keys());
      Set<String> referenced = new HashSet<>();
      List<String> missing = new ArrayList<>();
      List<String> sizes = new ArrayList<>();
      List<String> digests = new ArrayList<>();
      for (StoredFile file : files) {
        String label = file.owner().username() + "/" + file.name();
        referenced.add(file.storageKey());
        try {
          long stored = store.size(file.storageKey());
          if (stored != file.size()) {
            sizes.add(label + ": " + stored + " bytes stored, " + file.size() + " recorded");
          } else if (deep && !sha256Of(file.storageKey(), stored).equals(file.sha256())) {
            digests.add(label);
          }
        } catch (NoSuchFileException e) {
          missing.add(label);
        }
      }
      List<String> orphans =
          blobs.stream().filter(key -> !referenced.contains(key)).sorted().toList();
      boolean consistent =
          missing.isEmpty() && orphans.isEmpty() && sizes.isEmpty() && digests.isEmpty();
      return new Report(consistent, files.size(), blobs.size(), missing, orphans, sizes, digests);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the store", e);
    }
  }

  private String sha256Of(String key, long size) throws IOException {
    try (InputStream in = store.read(key, 0, size)) {
      return Sha256.of(in).hex();
    }
  }
}
