package dev.ft.links.control;

import dev.ft.accounts.control.LoginThrottle;
import dev.ft.accounts.control.PasswordHasher;
import dev.ft.accounts.control.TooManyAttempts;
import dev.ft.accounts.entity.Account;
import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.entity.StoredFile;
import dev.ft.links.entity.ShareLink;
import dev.ft.platform.AddressRange;
import dev.ft.platform.DomainException;
import dev.ft.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Share links: creating, listing and revoking them, and letting a stranger who holds one through.
 * Every refusal of a stranger (unknown key, expired, revoked, used up, wrong address, wrong
 * password) is the same {@link #gone()}, so a link's state cannot be probed.
 */
@ApplicationScoped
public class ShareLinks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEY_BYTES = 24; // 192 random bits, 32 characters
  private static final int ID_BYTES = 9; // 12 characters
  private static final int MAX_KEY_LENGTH = 64;
  private static final int MAX_NOTE_LENGTH = 500;
  private static final int MAX_ALLOW_FROM = 20;

  @PersistenceContext EntityManager em;
  @Inject FileCatalog catalog;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottle throttle;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ft.link.max-expiry")
  Duration maxExpiry;

  @Inject
  @ConfigProperty(name = "ft.link.resume-grace")
  Duration resumeGrace;

  /** A new link and its key, which is shown this once and never again. */
  public record Created(ShareLink link, String key) {}

  /** What the creator asks for; nulls are "not limited" except {@code expiresAt}. */
  public record Request(
      String ownerName,
      String fileName,
      Instant expiresAt,
      String password,
      Integer maxDownloads,
      List<AddressRange> allowFrom,
      String note) {}

  @Transactional
  public Created create(String actor, Request request) {
    Instant now = clock.instant();
    requireValid(request, now);
    StoredFile file =
        catalog.require(request.ownerName(), request.fileName(), FileCatalog.Access.OWNER);
    em.createNamedQuery(ShareLink.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    String key = random(KEY_BYTES);
    var terms =
        new ShareLink.Terms(
            request.expiresAt(),
            request.password() == null ? null : hasher.hash(request.password()),
            request.maxDownloads(),
            request.allowFrom().stream().map(AddressRange::toString).toList(),
            request.note());
    ShareLink link =
        new ShareLink(random(ID_BYTES), Sha256.hex(key), em.merge(file), actor, now, terms);
    em.persist(link);
    audit.record(
        actor,
        AuditAction.LINK,
        file.owner().username(),
        file.name(),
        "link " + link.id() + " until " + link.expiresAt());
    return new Created(link, key);
  }

  private void requireValid(Request request, Instant now) {
    if (request.expiresAt() == null) {
      throw DomainException.invalid(
          "a link needs an expiry: \"expiresIn\" (e.g. \"7d\") or \"expiresAt\"");
    }
    if (!request.expiresAt().isAfter(now)) {
      throw DomainException.invalid("the expiry must lie in the future");
    }
    if (request.expiresAt().isAfter(now.plus(maxExpiry))) {
      throw DomainException.invalid(
          "a link may live at most "
              + maxExpiry.toDays()
              + " days on this server (FT_LINK_MAX_EXPIRY)");
    }
    if (request.maxDownloads() != null && request.maxDownloads() < 1) {
      throw DomainException.invalid("maxDownloads must be at least 1");
    }
    if (request.allowFrom().size() > MAX_ALLOW_FROM) {
      throw DomainException.invalid("allowFrom takes at most " + MAX_ALLOW_FROM + " ranges");
    }
    if (request.note() != null && request.note().length() > MAX_NOTE_LENGTH) {
      throw DomainException.invalid("the note is longer than " + MAX_NOTE_LENGTH + " characters");
    }
  }

  /** The live links to an owner's files, newest first. */
  public List<ShareLink> ofOwner(Account owner) {
    return em.createNamedQuery(ShareLink.LIVE_OF_OWNER, ShareLink.class)
        .setParameter("owner", owner)
        .setParameter("now", clock.instant())
        .getResultList();
  }

  /** Every live link, for admins. */
  public List<ShareLink> all() {
    return em.createNamedQuery(ShareLink.LIVE, ShareLink.class)
        .setParameter("now", clock.instant())
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
    String keyHash = key == null || key.length() > MAX_KEY_LENGTH ? null : Sha256.hex(key);
    Optional<ShareLink> found = keyHash == null ? Optional.empty() : find(keyHash);
    Optional<ShareLink> usable = found.filter(link -> isUsable(link, address));
    if (usable.isPresent() && !usable.get().hasPassword()) {
      return usable.get(); // a password sent to a link without one is not asked for
    }
    if (password != null) {
      String subject = found.map(ShareLink::id).orElse(keyHash == null ? "" : keyHash);
      Optional<Duration> wait = throttle.linkLockedFor(subject, address);
      if (wait.isPresent()) {
        throw new TooManyAttempts(
            wait.get(),
            "Too many wrong passwords",
            "Too many wrong passwords for this link or from this address");
      }
      boolean right =
          usable
              .map(link -> hasher.matches(password, link.passwordHash()))
              .orElseGet(() -> hasher.matchesNobody(password));
      if (!right) {
        throttle.recordLinkFailure(subject, address);
        throw gone();
      }
      throttle.recordLinkSuccess(subject);
      return found.get();
    }
    usable.orElseThrow(ShareLinks::gone);
    throw new PasswordRequired();
  }

  /** The page of a link: whether it exists for this address and is not used up; no password. */
  public Optional<ShareLink> peek(String key, String address) {
    if (key == null || key.length() > MAX_KEY_LENGTH) {
      return Optional.empty();
    }
    return find(Sha256.hex(key)).filter(l -> isUsable(l, address) && !l.isUsedUp());
  }

  private Optional<ShareLink> find(String keyHash) {
    return em.createNamedQuery(ShareLink.BY_KEY_HASH, ShareLink.class)
        .setParameter("keyHash", keyHash)
        .getResultStream()
        .findFirst();
  }

  private boolean isUsable(ShareLink link, String address) {
    Instant now = clock.instant();
    return !link.isExpiredAt(now)
        && (!link.isUsedUp() || link.mayContinueAt(now, resumeGrace))
        && (link.allowFrom().isEmpty()
            || link.allowFrom().stream()
                .map(AddressRange::parse)
                .flatMap(Optional::stream)
                .anyMatch(range -> range.contains(address)));
  }

  /**
   * Lets a download through the link: one that starts at the first byte counts, atomically across
   * every node, and is refused once the link is used up; one that goes on from further in (a
   * resume) counts nothing and needs a started download not long ago.
   */
  @Transactional
  public void admit(ShareLink link, boolean fromFirstByte) {
    Instant now = clock.instant();
    boolean admitted =
        fromFirstByte
            ? em.createNamedQuery(ShareLink.COUNT_START)
                    .setParameter("id", link.id())
                    .setParameter("now", now)
                    .executeUpdate()
                == 1
            : !link.isExpiredAt(now) && link.mayContinueAt(now, resumeGrace);
    if (!admitted) {
      throw gone();
    }
  }

  /** The one answer to every link that cannot be used, whatever the reason. */
  public static DomainException gone() {
    return DomainException.notFound(
        "This link does not exist, has expired, was revoked or used up, or the password is wrong.");
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
