package dev.ft.files.control;

import dev.ft.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 of each resumable upload's bytes so far, kept by the node that took its last piece,
 * so that the last piece need not read the whole upload back to hash it (0.6 s a GiB here, all of
 * it after the last byte; on S3 a download of the whole upload). A piece that comes to another
 * node, or after a restart, finds none, and the upload is read back and hashed at the end.
 *
 * <p>A kept digest is right whenever its offset is the upload's: the offset only grows, and the
 * bytes before it never change.
 */
@ApplicationScoped
public class RunningDigests {
  // Each is a few hundred bytes; past this many, the least recently moved is hashed at the end.
  private static final int KEPT = 4096;

  private record Running(long offset, MessageDigest digest) {}

  private final Map<String, Running> byUpload =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Running> eldest) {
          return size() > KEPT;
        }
      };

  /**
   * The digest of the first {@code offset} bytes of the upload, taken out for one piece to go on
   * with; empty when this node does not know it.
   */
  synchronized Optional<MessageDigest> take(String uploadId, long offset) {
    Running running = byUpload.remove(uploadId);
    if (offset == 0) {
      return Optional.of(Sha256.digest());
    }
    return running != null && running.offset() == offset
        ? Optional.of(running.digest())
        : Optional.empty();
  }

  /** Keeps the digest of the first {@code offset} bytes, which the upload now holds. */
  synchronized void keep(String uploadId, long offset, MessageDigest digest) {
    byUpload.put(uploadId, new Running(offset, digest));
  }

  synchronized void forget(String uploadId) {
    byUpload.remove(uploadId);
  }
}
