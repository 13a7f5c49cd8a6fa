package dev.ft.files.control;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.entity.Account;
import dev.ft.files.entity.Collisions;
import dev.ft.files.entity.ResumableUpload;
import dev.ft.files.entity.StoredFile;
import dev.ft.files.storage.ClientGone;
import dev.ft.files.storage.FileStore;
import dev.ft.files.storage.ReceivedBlob;
import dev.ft.files.storage.StorageFailures;
import dev.ft.monitoring.control.TransferMetrics;
import dev.ft.platform.DomainException;
import dev.ft.platform.RandomText;
import dev.ft.platform.Sha256;
import dev.ft.platform.TransactionOutcomes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads that can stop and go on (tus): created with their target name and length, then sent in
 * pieces at the offset the server holds. The state is in the database and the bytes in the store,
 * so a restart loses nothing acknowledged. The target name and length are checked at creation
 * against the limits (counting the space other unfinished uploads reserve); the last byte stores
 * the file exactly as a PUT does, and removes the upload in the same transaction.
 */
@ApplicationScoped
public class ResumableUploads {
  private static final Logger LOG = Logger.getLogger(ResumableUploads.class.getName());
  private static final int BUFFER_SIZE = 128 * 1024;

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject FileCatalog catalog;
  @Inject FileStore store;
  @Inject StorageLimits limits;
  @Inject TransactionOutcomes transactions;
  @Inject UploadOffsets offsets;
  @Inject Clock clock;
  @Inject TransferMetrics transfers;
  @Inject PieceLocks pieces;
  @Inject RunningDigests digests;

  @Inject
  @ConfigProperty(name = "ft.upload-expiry")
  Duration expiry;

  @Inject
  @ConfigProperty(name = "ft.max-open-uploads")
  int maxOpen;

  /** What a piece did: the offset reached, and the file if it was the last piece. */
  public record Progress(ResumableUpload upload, long offset, Optional<StoredFile> stored) {}

  /**
   * Who sends an upload's pieces: its owner's account, or a drop into the owner's area (its actor
   * names the drop). A sender sees only the uploads it made; with no actor, any of the owner's.
   */
  public record Sender(String ownerName, String actor) {
    public static Sender account(String username) {
      return new Sender(username, username);
    }

    /** The owner, for any of their uploads, whoever sends it: to see or cancel it. */
    public static Sender owner(String username) {
      return new Sender(username, null);
    }

    boolean made(ResumableUpload upload) {
      return upload.owner().username().equals(ownerName)
          && (actor == null || upload.createdBy().equals(actor));
    }
  }

  /** How many unfinished uploads one actor has made and how many bytes they will bring. */
  public record Reserved(long uploads, long bytes) {}

  @Transactional
  public ResumableUpload create(String actor, String ownerName, ResumableUpload.Target target) {
    Account owner =
        em.find(Account.class, accounts.require(ownerName).id(), LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    Optional<StoredFile> existing = catalog.find(owner, target.fileName());
    if (existing.isPresent() && target.collisions() == Collisions.REFUSE) {
      throw DomainException.conflict(
          "a file named '"
              + target.fileName()
              + "' exists; send 'overwrite' as true in Upload-Metadata to replace it");
    }
    long open =
        em.createNamedQuery(ResumableUpload.COUNT_OPEN_OF_OWNER, Long.class)
            .setParameter("owner", owner)
            .setParameter("now", now)
            .getSingleResult();
    if (open >= maxOpen) {
      throw new DomainException(
          DomainException.Kind.TOO_MANY_ATTEMPTS,
          "Too many unfinished uploads",
          "You have "
              + open
              + " unfinished uploads, the most this server keeps (FT_MAX_OPEN_UPLOADS); finish"
              + " or cancel one first.");
    }
    long reserved =
        em.createNamedQuery(ResumableUpload.BYTES_RESERVED_BY_OWNER, Number.class)
            .setParameter("owner", owner)
            .setParameter("now", now)
            .getSingleResult()
            .longValue();
    long replaced =
        target.collisions() == Collisions.REPLACE ? existing.map(StoredFile::size).orElse(0L) : 0;
    long used = catalog.bytesUsed(owner) - replaced;
    limits.check(target.length(), used + reserved);
    ResumableUpload upload =
        new ResumableUpload(RandomText.typeable(16), owner, actor, target, now, now.plus(expiry));
    em.persist(upload);
    try {
      store.part(upload.id()).finish(); // an empty part, so every open upload has one
    } catch (IOException e) {
      throw StorageFailures.of(e);
    }
    return upload;
  }

  /** The sender's upload; someone else's, an unknown or a removed one are alike unknown. */
  public ResumableUpload require(Sender sender, String id) {
    ResumableUpload upload =
        id == null || id.length() > 22 ? null : em.find(ResumableUpload.class, id);
    if (upload == null || !sender.made(upload)) {
      throw DomainException.notFound("no unfinished upload '" + id + "'");
    }
    if (upload.isExpiredAt(clock.instant())) {
      throw new DomainException(
          DomainException.Kind.GONE,
          "Upload expired",
          "This upload expired at " + upload.expiresAt() + " and its bytes are gone; start again.");
    }
    return upload;
  }

  /**
   * Appends one piece at {@code offset}, which must be the offset the server holds. Every byte that
   * arrives is kept, also when the client goes away mid-piece; with {@code expectedSha256} (hex)
   * the piece is kept only if it matches. The last piece stores the file; {@code onFinish} may
   * still refuse it inside that transaction, and then the upload stays as it is.
   */
  public Progress append(
      Sender sender,
      String id,
      long offset,
      Optional<String> expectedSha256,
      InputStream body,
      FileCatalog.CommitCheck onFinish) {
    return transfers.upload(
        () -> appendPiece(sender, id, offset, expectedSha256, body, onFinish),
        progress ->
            progress.stored().isPresent()
                ? TransferMetrics.Outcome.STORED
                : TransferMetrics.Outcome.PARTIAL,
        UploadOutcomes::of);
  }

  private Progress appendPiece(
      Sender sender,
      String id,
      long offset,
      Optional<String> expectedSha256,
      InputStream body,
      FileCatalog.CommitCheck onFinish) {
    require(sender, id); // nothing is held for a stranger's upload
    if (!pieces.tryHold(id)) {
      throw new PieceArriving();
    }
    try {
      // read again once held: a piece that ended on another node meanwhile moved the offset
      ResumableUpload upload = require(sender, id);
      if (offset != upload.offset()) {
        throw DomainException.conflict(
            "Upload-Offset is " + offset + " but the server holds " + upload.offset() + " bytes");
      }
      Optional<MessageDigest> whole = digests.take(id, offset);
      long reached;
      try {
        reached = write(upload, offset, expectedSha256, whole, body);
      } catch (PieceInterrupted e) {
        offsets.move(id, offset, e.reached()); // what arrived is kept
        whole.ifPresent(digest -> digests.keep(id, e.reached(), digest));
        throw new ClientGone();
      }
      if (reached != offset) {
        offsets.move(id, offset, reached);
      }
      if (reached == upload.length()) {
        return new Progress(upload, reached, Optional.of(complete(upload, onFinish, whole)));
      }
      whole.ifPresent(digest -> digests.keep(id, reached, digest));
      return new Progress(upload, reached, Optional.empty());
    } finally {
      pieces.release(id);
    }
  }

  /**
   * Writes one piece and answers the offset it reached. The piece is hashed only to check an
   * Upload-Checksum; {@code whole}, the digest of the bytes before it, goes on over it.
   */
  private long write(
      ResumableUpload upload,
      long offset,
      Optional<String> expectedSha256,
      Optional<MessageDigest> whole,
      InputStream body) {
    FileStore.ResumablePart part = part(upload.id());
    long written = 0;
    try (part) {
      part.resumeAt(offset);
      MessageDigest piece = expectedSha256.isPresent() ? Sha256.digest() : null;
      byte[] buffer = new byte[BUFFER_SIZE];
      long room = upload.length() - offset;
      for (int n; (n = read(body, buffer, part, offset + written)) > 0; ) {
        if (written + n > room) {
          part.resumeAt(offset);
          throw new LimitExceeded(LimitExceeded.Limit.UPLOAD_LENGTH, upload.length());
        }
        if (piece != null) {
          piece.update(buffer, 0, n);
        }
        if (whole.isPresent()) {
          whole.get().update(buffer, 0, n);
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
        while (bytes.hasRemaining()) {
          part.channel().write(bytes);
        }
        written += n;
      }
      if (piece != null) {
        String actual = Sha256.hexOf(piece);
        if (!expectedSha256.get().equals(actual)) {
          part.resumeAt(offset);
          throw new DigestMismatch(
              DomainException.Kind.CHECKSUM_MISMATCH,
              "Checksum mismatch",
              "Upload-Checksum does not match this piece (its sha256 is "
                  + actual
                  + "); none of it was kept");
        }
      }
      part.force();
      return offset + written;
    } catch (IOException e) {
      throw StorageFailures.of(e);
    } finally {
      transfers.received(written);
    }
  }

  /**
   * Reads what the client sends. When it goes away mid-piece, the bytes that did arrive are put on
   * disk and counted, so the client resumes after them.
   */
  private int read(InputStream body, byte[] buffer, FileStore.ResumablePart part, long reached)
      throws IOException {
    try {
      return body.readNBytes(buffer, 0, buffer.length);
    } catch (IOException e) {
      part.force();
      throw new PieceInterrupted(reached);
    }
  }

  /** A piece cut off by the client; the bytes before {@link #reached} are on disk. */
  private static final class PieceInterrupted extends RuntimeException {
    private final long reached;

    PieceInterrupted(long reached) {
      super("the client went away at byte " + reached, null, false, false);
      this.reached = reached;
    }

    long reached() {
      return reached;
    }
  }

  /**
   * The last byte is in: store the file as a PUT would, and end the upload, all or nothing. With
   * {@code whole}, the digest of every byte, the part need not be read back.
   */
  private StoredFile complete(
      ResumableUpload upload, FileCatalog.CommitCheck onFinish, Optional<MessageDigest> whole) {
    FileStore.ResumablePart part = part(upload.id());
    String sha256 =
        whole.isPresent()
            ? sealed(part, upload.length(), whole.get())
            : hashOf(part, upload.length());
    var received = new ReceivedBlob(part, upload.length(), sha256);
    var incoming = new FileCatalog.Incoming(upload.fileName(), upload.contentType(), received);
    List<FileCatalog.Committed> stored =
        catalog.commit(
            upload.createdBy(),
            upload.owner(),
            List.of(incoming),
            upload.collisions(),
            committed -> {
              onFinish.verify(committed);
              committed.get(0).file().changeVisibility(upload.visibility());
              em.remove(em.merge(upload));
              // The part goes once the file is recorded. On S3, where promoting copies it, a
              // rollback so leaves the upload whole (a rename on the filesystem took it along).
              afterCommit(() -> removePart(upload.id()));
            });
    return stored.get(0).file();
  }

  private static String sealed(FileStore.ResumablePart part, long length, MessageDigest whole) {
    try {
      part.seal(length);
    } catch (IOException e) {
      throw StorageFailures.of(e);
    }
    return Sha256.hexOf(whole);
  }

  /** The SHA-256 of the whole part, read back, which must hold exactly {@code length} bytes. */
  private static String hashOf(FileStore.ResumablePart part, long length) {
    Sha256.OfStream read;
    try (InputStream in = part.read(length)) {
      read = Sha256.of(in);
    } catch (IOException e) {
      throw StorageFailures.of(e);
    }
    if (read.length() != length) { // never stored as the file: a part that lost bytes is no upload
      throw new IllegalStateException(
          "An upload part holds "
              + read.length()
              + " bytes where "
              + length
              + " were acknowledged");
    }
    return read.hex();
  }

  /** Ends an unfinished upload and removes its bytes. */
  @Transactional
  public void cancel(Sender sender, String id) {
    ResumableUpload upload = em.merge(require(sender, id));
    em.remove(upload);
    afterCommit(() -> removePart(id));
  }

  /** Ends every unfinished upload one actor made: a drop that is revoked takes its own along. */
  @Transactional
  public void cancelAllBy(String actor) {
    List<String> ids =
        em.createNamedQuery(ResumableUpload.IDS_BY_ACTOR, String.class)
            .setParameter("actor", actor)
            .getResultList();
    ids.forEach(id -> em.remove(em.find(ResumableUpload.class, id)));
    afterCommit(() -> ids.forEach(this::removePart));
  }

  public List<ResumableUpload> openOf(String ownerName) {
    return em.createNamedQuery(ResumableUpload.OF_OWNER, ResumableUpload.class)
        .setParameter("owner", accounts.require(ownerName))
        .setParameter("now", clock.instant())
        .getResultList();
  }

  public Reserved reservedBy(String actor) {
    Object[] row =
        em.createNamedQuery(ResumableUpload.RESERVED_BY_ACTOR, Object[].class)
            .setParameter("actor", actor)
            .setParameter("now", clock.instant())
            .getSingleResult();
    return new Reserved(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  public List<ResumableUpload> allOpen() {
    return em.createNamedQuery(ResumableUpload.ALL_OPEN, ResumableUpload.class)
        .setParameter("now", clock.instant())
        .getResultList();
  }

  /** Removes expired uploads and parts that no upload names; run now and then. */
  @Transactional
  public int removeExpired() {
    List<String> expired =
        em.createNamedQuery(ResumableUpload.EXPIRED_IDS, String.class)
            .setParameter("now", clock.instant())
            .getResultList();
    expired.forEach(id -> em.remove(em.find(ResumableUpload.class, id)));
    afterCommit(
        () -> {
          expired.forEach(this::removePart);
          removeOrphanParts();
        });
    return expired.size();
  }

  private void removeOrphanParts() {
    try {
      var orphans = new java.util.HashSet<>(store.partIds());
      orphans.removeAll(em.createNamedQuery(ResumableUpload.ALL_IDS, String.class).getResultList());
      orphans.removeIf(pieces::isHeld);
      orphans.forEach(this::removePart);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not look for orphaned upload parts: {0}", e.toString());
    }
  }

  /** An account is going: its unfinished uploads go with it (the rows by cascade). */
  void onAccountRemoval(@Observes Accounts.AccountRemoval removal) {
    List<String> ids =
        em
            .createNamedQuery(ResumableUpload.OF_OWNER, ResumableUpload.class)
            .setParameter("owner", removal.account())
            .setParameter("now", Instant.EPOCH)
            .getResultList()
            .stream()
            .map(ResumableUpload::id)
            .toList();
    afterCommit(() -> ids.forEach(this::removePart));
  }

  /** An upload has ended: its bytes go, and so does what this node kept of them. */
  private void removePart(String id) {
    digests.forget(id);
    store.deletePart(id);
  }

  private void afterCommit(Runnable action) {
    transactions.afterCompletion(
        committed -> {
          if (committed) {
            action.run();
          }
        });
  }

  private FileStore.ResumablePart part(String id) {
    try {
      return store.part(id);
    } catch (IOException e) {
      throw StorageFailures.of(e);
    }
  }
}
