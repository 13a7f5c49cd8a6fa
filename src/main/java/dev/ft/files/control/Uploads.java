package dev.ft.files.control;

import dev.ft.accounts.control.Accounts;
import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Username;
import dev.ft.files.entity.Collisions;
import dev.ft.files.entity.FileName;
import dev.ft.files.entity.StoredFile;
import dev.ft.files.storage.BlobReceiver;
import dev.ft.files.storage.ClientGone;
import dev.ft.files.storage.ReceivedBlob;
import dev.ft.monitoring.control.TransferMetrics;
import dev.ft.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Receives uploads: bytes stream into pending blobs within the limits, then {@link
 * FileCatalog#commit} names them all at once. Until that commit nothing is visible, and any failure
 * on the way leaves no blob, no row and no quota used.
 */
@ApplicationScoped
public class Uploads {
  public static final String FORM_FIELD = "file";
  private static final int MAX_PARTS = 1000;

  @Inject Accounts accounts;
  @Inject FileCatalog catalog;
  @Inject BlobReceiver receiver;
  @Inject StorageLimits limits;
  @Inject UploadSlots slots;
  @Inject TransferMetrics transfers;

  /**
   * What a form upload may do beyond the owner's own limits: what happens to a taken name, a limit
   * checked as parts arrive (files so far, bytes so far), and a last check inside the commit.
   */
  public record FormRules(
      Collisions collisions, FormLimit limit, FileCatalog.CommitCheck onCommit) {
    public static FormRules of(boolean overwrite) {
      return new FormRules(
          overwrite ? Collisions.REPLACE : Collisions.REFUSE, (files, bytes) -> {}, stored -> {});
    }
  }

  /** Throws when a form has brought more files or bytes than it may. */
  public interface FormLimit {
    void check(int files, long bytes);
  }

  /** A raw upload to one name, replacing what was there. */
  public FileCatalog.Committed put(
      String actor,
      String ownerName,
      String name,
      String declaredType,
      long declaredLength,
      Optional<String> expectedSha256,
      InputStream body) {
    return transfers.upload(
        () -> store(actor, ownerName, name, declaredType, declaredLength, expectedSha256, body),
        stored -> TransferMetrics.Outcome.STORED,
        UploadOutcomes::of);
  }

  private FileCatalog.Committed store(
      String actor,
      String ownerName,
      String name,
      String declaredType,
      long declaredLength,
      Optional<String> expectedSha256,
      InputStream body) {
    FileName.require(name);
    Account owner = accounts.require(ownerName);
    long usedByOthers =
        catalog.bytesUsed(owner) - catalog.find(owner, name).map(StoredFile::size).orElse(0L);
    if (declaredLength >= 0) {
      limits.check(declaredLength, usedByOthers);
    }
    try (UploadSlots.Slot slot = slots.take(actor);
        ReceivedBlob received =
            receiver.receive(
                storageOwner(owner),
                body,
                declaredLength,
                total -> limits.check(total, usedByOthers))) {
      if (expectedSha256.isPresent() && !expectedSha256.get().equals(received.sha256())) {
        throw new DigestMismatch(
            DomainException.Kind.INVALID_INPUT,
            "Invalid request",
            "Content-Digest does not match the bytes received (their sha-256 is "
                + received.sha256()
                + "); nothing was stored");
      }
      var incoming =
          new FileCatalog.Incoming(name, ContentTypes.decide(declaredType, name), received);
      return catalog
          .commit(actor, owner, List.of(incoming), Collisions.REPLACE, stored -> {})
          .get(0);
    }
  }

  /**
   * A {@code multipart/form-data} upload: every part named {@code file} is stored, or none is.
   * Parts arrive one after the other, and each is written and closed before the next, so a form
   * holds one open file however many parts it has.
   */
  public List<FileCatalog.Committed> postForm(
      String actor, String ownerName, FormParts form, boolean overwrite) {
    return postForm(actor, ownerName, form, FormRules.of(overwrite));
  }

  public List<FileCatalog.Committed> postForm(
      String actor, String ownerName, FormParts form, FormRules rules) {
    return transfers.upload(
        () -> receiveForm(actor, ownerName, form, rules),
        stored -> TransferMetrics.Outcome.STORED,
        UploadOutcomes::of);
  }

  private List<FileCatalog.Committed> receiveForm(
      String actor, String ownerName, FormParts form, FormRules rules) {
    boolean keepBoth = rules.collisions() == Collisions.KEEP_BOTH;
    Account owner = accounts.require(ownerName);
    long used = catalog.bytesUsed(owner);
    List<FileCatalog.Incoming> incoming = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try (UploadSlots.Slot slot = slots.take(actor)) {
      long budgetUsed = used;
      long formBytes = 0;
      int parts = 0;
      for (Optional<? extends FormParts.Part> next; (next = nextPart(form)).isPresent(); ) {
        if (++parts > MAX_PARTS) {
          throw DomainException.invalid("a form can carry at most " + MAX_PARTS + " parts");
        }
        FormParts.Part part = next.get();
        if (!FORM_FIELD.equals(part.name())) {
          continue; // other fields carry nothing we store
        }
        String name = FileName.require(part.filename());
        if (!names.add(name) && !keepBoth) {
          throw DomainException.invalid("two parts are named '" + name + "'");
        }
        Optional<StoredFile> existing = keepBoth ? Optional.empty() : catalog.find(owner, name);
        if (existing.isPresent() && rules.collisions() == Collisions.REFUSE) {
          throw FileCatalog.nameTaken(name);
        }
        long before = budgetUsed - existing.map(StoredFile::size).orElse(0L);
        int files = incoming.size() + 1;
        long bytesBefore = formBytes;
        rules.limit().check(files, bytesBefore);
        ReceivedBlob received =
            receiver.receive(
                storageOwner(owner),
                part.body(),
                -1,
                total -> {
                  limits.check(total, before);
                  rules.limit().check(files, bytesBefore + total);
                });
        incoming.add(
            new FileCatalog.Incoming(
                name, ContentTypes.decide(part.contentType(), name), received));
        budgetUsed = before + received.size();
        formBytes += received.size();
      }
      if (incoming.isEmpty()) {
        throw DomainException.invalid(
            "the form has no part named '" + FORM_FIELD + "' with a filename");
      }
      return catalog.commit(actor, owner, incoming, rules.collisions(), rules.onCommit());
    } finally {
      incoming.forEach(upload -> upload.received().close());
    }
  }

  private static Optional<? extends FormParts.Part> nextPart(FormParts form) {
    try {
      return form.next();
    } catch (IOException e) {
      throw new ClientGone();
    }
  }

  private static String storageOwner(Account owner) {
    return Username.key(owner.username());
  }
}
