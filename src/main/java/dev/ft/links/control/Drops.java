package dev.ft.links.control;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.entity.Account;
import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.control.FormParts;
import dev.ft.files.control.HumanBytes;
import dev.ft.files.control.ResumableUploads;
import dev.ft.files.control.Uploads;
import dev.ft.files.entity.Collisions;
import dev.ft.files.entity.ResumableUpload;
import dev.ft.files.entity.Visibility;
import dev.ft.links.entity.Drop;
import dev.ft.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drops: upload-only links into their owner's area. Files dropped land private, never replacing
 * anything (a taken name is stored as {@code name (2).ext}), with the drop named in the audit; the
 * dropper is told only what they sent. The drop's file and byte limits hold across all visits and
 * all nodes: its counters move in the same transaction that stores the files, by a conditional
 * update.
 */
@ApplicationScoped
public class Drops {

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Uploads uploads;
  @Inject LinkGate gate;
  @Inject AuditLog audit;
  @Inject ResumableUploads resumable;

  /** A new drop and its key, which is shown this once and never again. */
  public record Created(Drop drop, String key) {}

  /** One file as the dropper sent it: the name they gave, not the one it was stored under. */
  public record Received(String name, long size, String sha256) {}

  @Transactional
  public Created create(
      String actor, String ownerName, LinkGate.Request request, Integer maxFiles, Long maxBytes) {
    var terms = gate.terms(request);
    if (maxFiles != null && maxFiles < 1) {
      throw DomainException.invalid("maxFiles must be at least 1");
    }
    if (maxBytes != null && maxBytes < 1) {
      throw DomainException.invalid("maxBytes must be at least 1");
    }
    Account owner = accounts.require(ownerName);
    Instant now = gate.now();
    em.createNamedQuery(Drop.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    LinkGate.NewKey key = gate.newKey();
    Drop drop =
        new Drop(key.id(), key.hash(), em.merge(owner), actor, now, terms, maxFiles, maxBytes);
    em.persist(drop);
    audit.record(
        actor,
        AuditAction.DROP,
        owner.username(),
        null,
        "drop " + drop.id() + " until " + drop.expiresAt());
    return new Created(drop, key.key());
  }

  public List<Drop> ofOwner(Account owner) {
    return em.createNamedQuery(Drop.LIVE_OF_OWNER, Drop.class)
        .setParameter("owner", owner)
        .setParameter("now", gate.now())
        .getResultList();
  }

  public List<Drop> all() {
    return em.createNamedQuery(Drop.LIVE, Drop.class)
        .setParameter("now", gate.now())
        .getResultList();
  }

  /** Ends a drop at once; {@code ownerName} null means any owner's (an admin). */
  @Transactional
  public void revoke(String actor, String ownerName, String id) {
    Drop drop = id == null || id.length() > 12 ? null : em.find(Drop.class, id);
    if (drop == null || (ownerName != null && !drop.owner().username().equals(ownerName))) {
      throw DomainException.notFound("no drop '" + id + "'");
    }
    em.remove(drop);
    resumable.cancelAllBy(actorOf(drop));
    audit.record(actor, AuditAction.UNDROP, drop.owner().username(), null, "drop " + drop.id());
  }

  /** The drop a stranger holds, if usable from their address with the password given (or none). */
  public Drop unlock(String key, String password, String address) {
    Optional<String> keyHash = LinkGate.hashOf(key);
    return gate.unlock(keyHash, peek(key, address), password, address);
  }

  /**
   * The drop a stranger may send files to: anyone holding its key, if it has no password; else
   * whoever shows a grant from the drop page's password form ({@link DropGrants}) or the password.
   */
  public Drop admit(String key, String address, String grant, String password) {
    Drop drop = peek(key, address).orElseThrow(LinkGate::gone);
    if (!drop.hasPassword() || DropGrants.isValid(grant, drop, gate.now())) {
      return drop;
    }
    return unlock(key, password, address);
  }

  /** The drop behind a key, if it can take files from this address; no password asked. */
  public Optional<Drop> peek(String key, String address) {
    return LinkGate.hashOf(key)
        .flatMap(
            hash ->
                em.createNamedQuery(Drop.BY_KEY_HASH, Drop.class)
                    .setParameter("keyHash", hash)
                    .getResultStream()
                    .findFirst())
        .filter(d -> !d.isExpiredAt(gate.now()) && !d.isFull() && d.admits(address));
  }

  /**
   * Stores the files of a {@code multipart/form-data} body into the drop's owner's area. Its limits
   * are checked as the bytes arrive and once more, atomically, when they are stored.
   */
  public List<Received> receive(Drop drop, FormParts form) {
    var rules =
        new Uploads.FormRules(
            Collisions.KEEP_BOTH,
            (files, bytes) -> checkLimits(drop, files, bytes),
            stored -> count(drop, stored));
    List<FileCatalog.Committed> stored =
        uploads.postForm(actorOf(drop), drop.owner().username(), form, rules);
    return stored.stream()
        .map(c -> new Received(c.requestedName(), c.file().size(), c.file().sha256()))
        .toList();
  }

  /**
   * Starts a resumable upload of one file through a drop. Its limits count what the drop's other
   * unfinished uploads will bring, and are checked once more when the last byte is in.
   */
  public ResumableUpload startUpload(Drop drop, String name, String contentType, long length) {
    ResumableUploads.Reserved reserved = resumable.reservedBy(actorOf(drop));
    checkLimits(drop, reserved.uploads() + 1, reserved.bytes() + length);
    return resumable.create(
        actorOf(drop),
        drop.owner().username(),
        new ResumableUpload.Target(
            name, contentType, Visibility.PRIVATE, Collisions.KEEP_BOTH, length));
  }

  /** One of the uploads a stranger started through this drop. */
  public ResumableUpload upload(Drop drop, String id) {
    return resumable.require(senderOf(drop), id);
  }

  /** A piece of such an upload; the last one stores the file if the drop still takes it. */
  public ResumableUploads.Progress sendPiece(
      Drop drop, String id, long offset, Optional<String> sha256, InputStream body) {
    return resumable.append(
        senderOf(drop), id, offset, sha256, body, stored -> count(drop, stored));
  }

  public void cancelUpload(Drop drop, String id) {
    resumable.cancel(senderOf(drop), id);
  }

  private static ResumableUploads.Sender senderOf(Drop drop) {
    return new ResumableUploads.Sender(drop.owner().username(), actorOf(drop));
  }

  /** Who the audit and the owner's list of unfinished uploads name for what a drop brings. */
  private static String actorOf(Drop drop) {
    return "drop " + drop.id();
  }

  private static void checkLimits(Drop drop, long files, long bytes) {
    if (drop.filesLeft().isPresent() && files > drop.filesLeft().getAsLong()) {
      throw new DropLimitExceeded(
          "This drop takes " + drop.filesLeft().getAsLong() + " more file(s) at most.");
    }
    if (drop.bytesLeft().isPresent() && bytes > drop.bytesLeft().getAsLong()) {
      throw new DropLimitExceeded(
          "This drop takes "
              + HumanBytes.format(drop.bytesLeft().getAsLong())
              + " more at most ("
              + drop.bytesLeft().getAsLong()
              + " bytes).");
    }
  }

  /** Inside the transaction that stores the files: the drop takes them, or nothing is stored. */
  private void count(Drop drop, List<FileCatalog.Committed> stored) {
    long bytes = stored.stream().mapToLong(c -> c.file().size()).sum();
    int updated =
        em.createNamedQuery(Drop.COUNT_RECEIVED)
            .setParameter("files", stored.size())
            .setParameter("bytes", bytes)
            .setParameter("id", drop.id())
            .setParameter("now", gate.now())
            .executeUpdate();
    if (updated != 1) {
      throw new DropLimitExceeded(
          "This drop has meanwhile taken other files and cannot take these; nothing was stored.");
    }
  }
}
