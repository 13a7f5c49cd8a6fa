package dev.ft.links.control;

import dev.ft.accounts.control.LoginThrottle;
import dev.ft.accounts.control.PasswordHasher;
import dev.ft.accounts.control.TooManyAttempts;
import dev.ft.links.entity.SecretLink;
import dev.ft.platform.AddressRange;
import dev.ft.platform.DomainException;
import dev.ft.platform.RandomText;
import dev.ft.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What share links and drops do alike: make keys, check what their creators ask for, and let a
 * stranger through with the right password, throttled like a login. Every refusal of a stranger
 * (unknown key, expired, revoked, used up, another address, wrong password) is the same {@link
 * #gone()}, so a link's state cannot be probed.
 */
@ApplicationScoped
public class LinkGate {
  private static final int KEY_BYTES = 24; // 192 random bits, 32 characters
  private static final int ID_BYTES = 9; // 12 characters
  private static final int MAX_KEY_LENGTH = 64;
  private static final int MAX_NOTE_LENGTH = 500;
  private static final int MAX_ALLOW_FROM = 20;

  @Inject PasswordHasher hasher;
  @Inject LoginThrottle throttle;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ft.link.max-expiry")
  Duration maxExpiry;

  /** A new key, handed out once, and the id under which its owner sees it. */
  public record NewKey(String key, String hash, String id) {}

  public NewKey newKey() {
    String key = RandomText.secret(KEY_BYTES);
    return new NewKey(key, Sha256.hex(key), RandomText.typeable(ID_BYTES));
  }

  /** The hash a stranger's key is looked up by; empty for what cannot be a key. */
  public static Optional<String> hashOf(String key) {
    return key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH
        ? Optional.empty()
        : Optional.of(Sha256.hex(key));
  }

  /** The terms a creator asks for, checked, with the password hashed. */
  public SecretLink.Terms terms(Request request) {
    Instant now = clock.instant();
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
    if (request.allowFrom().size() > MAX_ALLOW_FROM) {
      throw DomainException.invalid("allowFrom takes at most " + MAX_ALLOW_FROM + " ranges");
    }
    if (request.note() != null && request.note().length() > MAX_NOTE_LENGTH) {
      throw DomainException.invalid("the note is longer than " + MAX_NOTE_LENGTH + " characters");
    }
    return new SecretLink.Terms(
        request.expiresAt(),
        request.password() == null ? null : hasher.hash(request.password()),
        request.allowFrom(),
        request.note());
  }

  /** What a creator asks of any link. */
  public record Request(
      Instant expiresAt, String password, List<AddressRange> allowFrom, String note) {}

  /**
   * The link a stranger may use, given the one their key found if it is usable: without a password
   * at once; with one, if {@code password} is right. Asked without one, {@link PasswordRequired}.
   */
  public <T extends SecretLink> T unlock(
      Optional<String> keyHash, Optional<T> usable, String password, String address) {
    if (usable.isPresent() && !usable.get().hasPassword()) {
      return usable.get(); // a password sent to a link without one is not asked for
    }
    if (password == null) {
      usable.orElseThrow(LinkGate::gone);
      throw new PasswordRequired();
    }
    String subject = usable.map(SecretLink::id).orElse(keyHash.orElse(""));
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
    return usable.get();
  }

  public Instant now() {
    return clock.instant();
  }

  /** The one answer to every link that cannot be used, whatever the reason. */
  public static DomainException gone() {
    return DomainException.notFound(
        "This link does not exist, has expired, was revoked or used up, or the password is wrong.");
  }
}
