package dev.ft.links.control;

import dev.ft.accounts.entity.Account;
import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.entity.StoredFile;
import dev.ft.links.entity.ShareLink;
import dev.ft.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Share links: creating, listing and revoking them, and letting a stranger who holds one through.
 */
@ApplicationScoped
public class ShareLinks {

  @PersistenceContext EntityManager em;
  @Inject FileCatalog catalog;
  @Inject LinkGate gate;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "ft.link.resume-grace")
  Duration resumeGrace;

  /** A new link and its key, which is shown this once and never again. */
  public record Created(ShareLink link, String key) {}

  @Transactional
  public Created create(
      String actor,
      String ownerName,
      String fileName,
      LinkGate.Request request,
      Integer maxDownloads) {
    var terms = gate.terms(request);
    if (maxDownloads != null && maxDownloads < 1) {
      throw DomainException.invalid("maxDownloads must be at least 1");
    }
    StoredFile file = catalog.require(ownerName, fileName, FileCatalog.Access.OWNER);
    Instant now = gate.now();
    em.createNamedQuery(ShareLink.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    LinkGate.NewKey key = gate.newKey();
    ShareLink link =
        new ShareLink(key.id(), key.hash(), em.merge(file), actor, now, terms, maxDownloads);
    em.persist(link);
    audit.record(
        actor,
        AuditAction.LINK,
        file.owner().username(),
        file.name(),
        "link " + link.id() + " until " + link.expiresAt());
    return new Created(link, key.key());
  }

  /** The live links to an owner's files, newest first. */
  public List<ShareLink> ofOwner(Account owner) {
    return em.createNamedQuery(ShareLink.LIVE_OF_OWNER, ShareLink.class)
        .setParameter("owner", owner)
        .setParameter("now", gate.now())
        .getResultList();
  }

  /** Every live link, for admins. */
  public List<ShareLink> all() {
    return em.createNamedQuery(ShareLink.LIVE, ShareLink.class)
        .setParameter("now", gate.now())
        .getResultList();
  }

  /**
   * Ends a link at once. {@code ownerName} null means any owner's (an admin); otherwise a link to
   * someone else's file is as unknown as a link that never was.
   */
  @Transactional
  public void revoke(String actor, String ownerName, String id) {
    ShareLink link = id == null || id.length() > 12 ? null : em.find(ShareLink.class, id);
    if (link == null || (ownerName != null && !link.file().owner().username().equals(ownerName))) {
      throw DomainException.notFound("no link '" + id + "'");
    }
    em.remove(link);
    audit.record(
        actor,
        AuditAction.UNLINK,
        link.file().owner().username(),
        link.file().name(),
        "link " + link.id());
  }

  /**
   * The link a stranger holds, if it may be used from their address with the password given (null:
   * none given). A link with a password asked without one answers {@link PasswordRequired}.
   */
  public ShareLink unlock(String key, String password, String address) {
    Optional<String> keyHash = LinkGate.hashOf(key);
    return gate.unlock(keyHash, find(keyHash).filter(l -> isUsable(l, address)), password, address);
  }

  /** The page of a link: whether it exists for this address and is not used up; no password. */
  public Optional<ShareLink> peek(String key, String address) {
    return find(LinkGate.hashOf(key)).filter(l -> isUsable(l, address) && !l.isUsedUp());
  }

  private Optional<ShareLink> find(Optional<String> keyHash) {
    return keyHash.flatMap(
        hash ->
            em.createNamedQuery(ShareLink.BY_KEY_HASH, ShareLink.class)
                .setParameter("keyHash", hash)
                .getResultStream()
                .findFirst());
  }

  private boolean isUsable(ShareLink link, String address) {
    Instant now = gate.now();
    return !link.isExpiredAt(now)
        && (!link.isUsedUp() || link.mayContinueAt(now, resumeGrace))
        && link.admits(address);
  }

  /**
   * Lets a download through the link: one that starts at the first byte counts, atomically across
   * every node, and is refused once the link is used up; one that goes on from further in (a
   * resume) counts nothing and needs a started download not long ago.
   */
  @Transactional
  public void admit(ShareLink link, boolean fromFirstByte) {
    Instant now = gate.now();
    boolean admitted =
        fromFirstByte
            ? em.createNamedQuery(ShareLink.COUNT_START)
                    .setParameter("id", link.id())
                    .setParameter("now", now)
                    .executeUpdate()
                == 1
            : !link.isExpiredAt(now) && link.mayContinueAt(now, resumeGrace);
    if (!admitted) {
      throw LinkGate.gone();
    }
  }
}
