package dev.ft.accounts.control;

import dev.ft.accounts.entity.Username;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Login throttling by username and by client address, with the limits from configuration. */
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

  private AttemptLimiter byUser;
  private AttemptLimiter byAddress;

  @PostConstruct
  void init() {
    byUser = new AttemptLimiter(maxFailuresPerUser, window, firstLockout, maxLockout, clock);
    byAddress = new AttemptLimiter(maxFailuresPerAddress, window, firstLockout, maxLockout, clock);
  }

  /** The longer wait of the two keys, if either is locked out. */
  public Optional<Duration> lockedFor(String username, String address) {
    Optional<Duration> user = byUser.lockedFor(userKey(username));
    Optional<Duration> addr = byAddress.lockedFor(address);
    if (user.isPresent() && addr.isPresent()) {
      return Optional.of(user.get().compareTo(addr.get()) >= 0 ? user.get() : addr.get());
    }
    return user.isPresent() ? user : addr;
  }

  /** Records a failed login; answers true when it started a lock-out (worth an audit row). */
  public boolean recordFailure(String username, String address) {
    boolean userLocked = byUser.recordFailure(userKey(username));
    boolean addressLocked = byAddress.recordFailure(address);
    return userLocked || addressLocked;
  }

  /** A successful login clears its username's failures; the address keeps its count. */
  public void recordSuccess(String username) {
    byUser.recordSuccess(userKey(username));
  }

  private static String userKey(String username) {
    return username == null ? "" : Username.key(username);
  }
}
