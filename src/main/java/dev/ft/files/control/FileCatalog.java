package dev.ft.files.control;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Username;
import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import dev.ft.files.entity.Collisions;
import dev.ft.files.entity.FileName;
import dev.ft.files.entity.StoredFile;
import dev.ft.files.entity.Visibility;
import dev.ft.files.storage.FileStore;
import dev.ft.files.storage.ReceivedBlob;
import dev.ft.files.storage.StorageFailures;
import dev.ft.platform.DomainException;
import dev.ft.platform.TransactionOutcomes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue of files: what exists, who owns it, who may see it. Changes to metadata and to
 * stored blobs are tied together: a blob replaced or deleted by a transaction is removed only after
 * it commits, and a blob promoted by a transaction that rolls back is removed again.
 */
@ApplicationScoped
public class FileCatalog {

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject FileStore store;
  @Inject StorageLimits limits;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject TransactionOutcomes transactions;

  /** A received upload waiting to be given a name. */
  public record Incoming(String name, String contentType, ReceivedBlob received) {}

  /**
   * What {@link #commit} did for one upload: the file, new or replaced, and the name it was sent
   * as.
   */
  public record Committed(StoredFile file, boolean created, String requestedName) {}

  /**
   * A last check inside the commit's transaction, given what it stored; throwing rolls all of it
   * back. A drop counts its files here.
   */
  public interface CommitCheck {
    void verify(List<Committed> committed);
  }

  /** Who is asking for a file, which decides what they may see. */
  public enum Access {
    /** The owner, or an admin acting on the owner's area. */
    OWNER,
    /** Any logged-in user: shared and public files. */
    SHARED,
    /** Anyone: public files. */
    PUBLIC
  }

  public List<StoredFile> ownedBy(String ownerName) {
    return em.createNamedQuery(StoredFile.OF_OWNER, StoredFile.class)
        .setParameter("owner", accounts.require(ownerName))
        .getResultList();
  }

  public List<StoredFile> withVisibility(List<Visibility> visibilities) {
    return em.createNamedQuery(StoredFile.WITH_VISIBILITY, StoredFile.class)
        .setParameter("visibilities", visibilities)
        .getResultList();
  }

  public long bytesUsed(Account owner) {
    return em.createNamedQuery(StoredFile.BYTES_OF_OWNER, Number.class)
        .setParameter("owner", owner)
        .getSingleResult()
        .longValue();
  }

  /** How many files there are and how many bytes they hold, all owners together. */
  public record Totals(long files, long bytes) {}

  public Totals totals() {
    Object[] row = em.createNamedQuery(StoredFile.TOTALS, Object[].class).getSingleResult();
    return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  public Optional<StoredFile> find(Account owner, String name) {
    return em.createNamedQuery(StoredFile.BY_OWNER_AND_NAME, StoredFile.class)
        .setParameter("owner", owner)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /**
   * The file if the caller may see it; otherwise the same 404 whether it exists or not. One query
   * with its owner, as every download asks this.
   */
  public StoredFile require(String ownerName, String name, Access access) {
    FileName.require(name);
    if (ownerName == null || ownerName.length() > Username.MAX_LENGTH) {
      throw notFound(ownerName, name);
    }
    return em.createNamedQuery(StoredFile.BY_OWNER_NAME_AND_NAME, StoredFile.class)
        .setParameter("ownerKey", Username.key(ownerName))
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .filter(file -> isVisible(file, access))
        .orElseThrow(() -> notFound(ownerName, name));
  }

  private static boolean isVisible(StoredFile file, Access access) {
    return switch (access) {
      case OWNER -> true;
      case SHARED -> file.visibility() != Visibility.PRIVATE;
      case PUBLIC -> file.visibility() == Visibility.PUBLIC;
    };
  }

  /**
   * Gives received uploads their names, all or none. The owner's row is locked, so concurrent
   * uploads by one owner are checked against the quota one after another.
   */
  @Transactional
  public List<Committed> commit(
      String actor,
      Account owner,
      List<Incoming> incoming,
      Collisions collisions,
      CommitCheck check) {
    Account locked = em.find(Account.class, owner.id(), LockModeType.PESSIMISTIC_WRITE);
    if (locked == null) {
      throw DomainException.notFound("no user '" + owner.username() + "'");
    }
    Map<String, Optional<StoredFile>> stored = new HashMap<>();
    Function<String, Optional<StoredFile>> storedAs =
        name -> stored.computeIfAbsent(name, n -> find(locked, n));
    List<String> names =
        CommitPlan.names(
            incoming.stream()
                .map(u -> new CommitPlan.Upload(u.name(), u.received().size()))
                .toList(),
            collisions,
            name -> storedAs.apply(name).map(StoredFile::size),
            limits,
            bytesUsed(locked));
    List<Optional<StoredFile>> existing = names.stream().map(storedAs).toList();

    List<String> promoted = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    transactions.afterCompletion(
        committed -> (committed ? replaced : promoted).forEach(store::delete));
    List<Committed> results = new ArrayList<>();
    for (int i = 0; i < incoming.size(); i++) {
      Incoming upload = incoming.get(i);
      String key = promote(upload.received(), locked);
      promoted.add(key);
      var content =
          new StoredFile.Content(
              upload.received().size(), upload.received().sha256(), upload.contentType(), key);
      Optional<StoredFile> old = existing.get(i);
      StoredFile file;
      if (old.isPresent()) {
        file = old.get();
        replaced.add(file.storageKey());
        file.replaceContent(content, clock.instant());
      } else {
        file = new StoredFile(locked, names.get(i), content, clock.instant());
        em.persist(file);
      }
      audit.record(
          actor,
          AuditAction.UPLOAD,
          locked.username(),
          names.get(i),
          upload.received().size()
              + " bytes, sha256 "
              + upload.received().sha256()
              + (old.isPresent() ? ", replaced" : ""));
      results.add(new Committed(file, old.isEmpty(), upload.name()));
    }
    check.verify(results);
    return results;
  }

  @Transactional
  public StoredFile changeVisibility(
      String actor, String ownerName, String name, Visibility visibility) {
    StoredFile file = em.merge(require(ownerName, name, Access.OWNER));
    Visibility before = file.visibility();
    file.changeVisibility(visibility);
    audit.record(
        actor,
        AuditAction.VISIBILITY,
        file.owner().username(),
        name,
        before.wireName() + " -> " + visibility.wireName());
    return file;
  }

  @Transactional
  public void delete(String actor, String ownerName, String name) {
    StoredFile file = em.merge(require(ownerName, name, Access.OWNER));
    String key = file.storageKey();
    em.remove(file);
    transactions.afterCompletion(
        committed -> {
          if (committed) {
            store.delete(key);
          }
        });
    audit.record(actor, AuditAction.DELETE, file.owner().username(), name, null);
  }

  /** An account is going: its files go in the same transaction, their bytes once it commits. */
  void onAccountRemoval(@Observes Accounts.AccountRemoval removal) {
    List<StoredFile> files =
        em.createNamedQuery(StoredFile.OF_OWNER, StoredFile.class)
            .setParameter("owner", removal.account())
            .getResultList();
    List<String> keys = files.stream().map(StoredFile::storageKey).toList();
    files.forEach(em::remove);
    em.flush();
    transactions.afterCompletion(
        committed -> {
          if (committed) {
            keys.forEach(store::delete);
          }
        });
  }

  private String promote(ReceivedBlob received, Account owner) {
    try {
      return store.promote(received.blob(), Username.key(owner.username()));
    } catch (IOException e) {
      throw StorageFailures.of(e);
    }
  }

  static DomainException notFound(String owner, String name) {
    return DomainException.notFound("no file '" + name + "' of user '" + owner + "'");
  }

  static DomainException nameTaken(String name) {
    return DomainException.conflict(
        "a file named '" + name + "' exists; add ?overwrite=true to replace it");
  }
}
