package dev.ft.accounts.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.ft.accounts.entity.Password;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * BCrypt hashing and checking. At most half the cores hash at once, so a burst of logins cannot
 * starve transfers and small requests of CPU. Unknown users are checked against a dummy hash of the
 * same cost, so a login takes as long whether or not the username exists.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject
  @ConfigProperty(name = "ft.bcrypt-cost")
  int cost;

  private Semaphore permits;
  private String dummyHash;

  @PostConstruct
  void init() {
    if (cost < 4 || cost > 31) {
      throw new IllegalStateException("ft.bcrypt-cost must be between 4 and 31, not " + cost);
    }
    permits = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);
    dummyHash = hash("not-a-real-password-" + System.nanoTime());
  }

  public String hash(String password) {
    return hash(Password.requireValid(password));
  }

  /**
   * A password that already proved right, hashed at today's cost even if today's rules are
   * stricter.
   */
  String hashAgain(String password) {
    return hash(password.getBytes(StandardCharsets.UTF_8));
  }

  private String hash(byte[] password) {
    return bounded(
        () -> new String(BCrypt.withDefaults().hash(cost, password), StandardCharsets.UTF_8));
  }

  public boolean matches(String password, String hash) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > Password.MAX_BYTES) {
      return false;
    }
    return bounded(
        () -> BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified);
  }

  /**
   * Whether a hash was made at another cost than today's. Such an account would answer a login at
   * another speed than an unknown username, which is checked at today's cost.
   */
  public boolean needsRehash(String hash) {
    // $2a$12$...: the cost is the two digits after the second '$'
    return hash.length() < 7 || !hash.substring(4, 6).equals(String.format("%02d", cost));
  }

  /** Spends the same time as {@link #matches} for a user that does not exist, and fails. */
  public boolean matchesNobody(String password) {
    matches(password, dummyHash);
    return false;
  }

  private <T> T bounded(java.util.function.Supplier<T> work) {
    permits.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
