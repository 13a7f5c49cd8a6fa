package dev.ft.files.control;

import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import dev.ft.files.entity.StoredFile;
import dev.ft.files.storage.FileStore;
import dev.ft.monitoring.control.TransferMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * Decides what a download answers (whole file, one range, not modified) and opens the bytes. The
 * blob is opened before the answer starts, so a delete or replace that commits meanwhile cannot mix
 * old and new bytes: the download finishes with the bytes it opened.
 */
@ApplicationScoped
public class Downloads {
  private static final int ATTEMPTS = 3;

  @Inject FileCatalog catalog;
  @Inject FileStore store;
  @Inject AuditLog audit;
  @Inject AnonymousDownloadAudit anonymousDownloads;
  @Inject TransferMetrics transfers;

  /** What a request asks of the file, once its tag and size are known. */
  public interface Conditions {
    /** False for a look at the headers only (HEAD). */
    boolean bodyWanted();

    /** Whether the caller holds the file as tagged {@code etag} already. */
    boolean holds(String etag);

    /** The part of the file asked for, if not all of it; the file's tag decides whether it may. */
    Optional<ByteRange> range(String etag, long size);
  }

  /**
   * What to answer; {@code body} is open exactly when bytes are to be sent (the range asked for, or
   * the whole file), and must be closed. Sending them is counted in {@code transfers}.
   */
  public record Download(
      StoredFile file,
      Optional<ByteRange> range,
      boolean notModified,
      InputStream body,
      TransferMetrics transfers)
      implements AutoCloseable {
    public String etag() {
      return etagOf(file);
    }

    @Override
    public void close() {
      if (body != null) {
        try {
          body.close();
        } catch (IOException e) {
          // nothing was sent from it, and nothing more will be
        }
      }
    }
  }

  /**
   * The last word on a download that is about to send bytes, given what it would send; refuses by
   * throwing. A share link counts its downloads here.
   */
  public interface Admission {
    void admit(StoredFile file, Optional<ByteRange> range);
  }

  public Download open(
      String actor, String ownerName, String name, FileCatalog.Access access, Conditions request) {
    return open(actor, ownerName, name, access, request, (file, range) -> {});
  }

  public Download open(
      String actor,
      String ownerName,
      String name,
      FileCatalog.Access access,
      Conditions request,
      Admission admission) {
    for (int attempt = 1; ; attempt++) {
      StoredFile file = catalog.require(ownerName, name, access);
      String etag = etagOf(file);
      if (request.holds(etag)) {
        return new Download(file, Optional.empty(), true, null, transfers);
      }
      Optional<ByteRange> range = request.range(etag, file.size());
      if (!request.bodyWanted()) {
        return new Download(file, range, false, null, transfers);
      }
      try {
        ByteRange bytes = range.orElse(new ByteRange(0, file.size() - 1));
        InputStream body = store.read(file.storageKey(), bytes.first(), bytes.length());
        try {
          admission.admit(file, range);
        } catch (RuntimeException e) {
          body.close();
          throw e;
        }
        if (isAudited(actor, file)) {
          audit.record(
              actor,
              AuditAction.DOWNLOAD,
              file.owner().username(),
              file.name(),
              range.map(r -> "bytes " + r.first() + "-" + r.last()).orElse("whole file")
                  + (actor.equals(AuditLog.ANONYMOUS)
                      ? " (anonymous downloads are recorded once an hour)"
                      : ""));
        }
        return new Download(file, range, false, body, transfers);
      } catch (NoSuchFileException e) {
        if (attempt == ATTEMPTS) {
          throw FileCatalog.notFound(ownerName, name); // deleted while we looked
        } // replaced while we looked: read the new metadata
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot open the stored bytes of " + ownerName + "/" + name, e);
      }
    }
  }

  /** Downloads by anyone but the owner are audited; anonymous ones of a file once an hour. */
  private boolean isAudited(String actor, StoredFile file) {
    if (file.owner().username().equals(actor)) {
      return false;
    }
    return !actor.equals(AuditLog.ANONYMOUS) || anonymousDownloads.shouldRecord(file);
  }

  public static String etagOf(StoredFile file) {
    return "\"" + file.sha256() + "\"";
  }
}
