package dev.ft.accounts.control;

import dev.ft.accounts.entity.Username;
import dev.ft.platform.Grid;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password throttling by subject (a username, a share link) and by client address, with the login
 * limits from configuration. A share link's password is guessed like a login, so both count against
 * the same address.
 */
@ApplicationScoped
public class LoginThrottle {

  @Inject
  @ConfigProperty(name = "ft.login.max-failures-per-user")
  int maxFailuresPerUser;

  @Inject
  @ConfigProperty(name = "ft.login.max-failures-per-address")
  int maxFailuresPerAddress;

  @Inject
  @ConfigProperty(name = "ft.login.window")
  Duration window;

  @Inject
  @ConfigProperty(name = "ft.login.lockout")
  Duration firstLockout;

  @Inject
  @ConfigProperty(name = "ft.login.max-lockout")
  Duration maxLockout;

  @Inject Clock clock;
  @Inject Grid grid;

  private AttemptLimiter byUser;
  private AttemptLimiter byAddress;

  @PostConstruct
  void init() {
    byUser =
        new AttemptLimiter(
            maxFailuresPerUser,
            window,
            firstLockout,
            maxLockout,
            clock,
            GridCounts.of(grid, "ft.login-failures.subject"));
    byAddress =
        new AttemptLimiter(
            maxFailuresPerAddress,
            window,
            firstLockout,
            maxLockout,
            clock,
            GridCounts.of(grid, "ft.login-failures.address"));
  }

  /** The longer wait of the two keys, if either is locked out. */
  public Optional<Duration> lockedFor(String username, String address) {
    return lockedForKey(userKey(username), address);
  }

  /** As {@link #lockedFor}, for the password of a share link. */
  public Optional<Duration> linkLockedFor(String linkId, String address) {
    return lockedForKey(linkKey(linkId), address);
  }

  private Optional<Duration> lockedForKey(String subjectKey, String address) {
    Optional<Duration> user = byUser.lockedFor(subjectKey);
    Optional<Duration> addr = byAddress.lockedFor(address);
    if (user.isPresent() && addr.isPresent()) {
      return Optional.of(user.get().compareTo(addr.get()) >= 0 ? user.get() : addr.get());
    }
    return user.isPresent() ? user : addr;
  }

  /** Records a failed login; answers true when it started a lock-out (worth an audit row). */
  public boolean recordFailure(String username, String address) {
    return recordFailureOf(userKey(username), address);
  }

  public boolean recordLinkFailure(String linkId, String address) {
    return recordFailureOf(linkKey(linkId), address);
  }

  public void recordLinkSuccess(String linkId) {
    byUser.recordSuccess(linkKey(linkId));
  }

  private boolean recordFailureOf(String subjectKey, String address) {
    boolean userLocked = byUser.recordFailure(subjectKey);
    boolean addressLocked = byAddress.recordFailure(address);
    return userLocked || addressLocked;
  }

  /** A successful login clears its username's failures; the address keeps its count. */
  public void recordSuccess(String username) {
    byUser.recordSuccess(userKey(username));
  }

  /** A space never occurs in a username's key, so links and users never share a count. */
  private static String linkKey(String linkId) {
    return "link " + linkId;
  }

  private static String userKey(String username) {
    return username == null ? "" : Username.key(username);
  }
}
