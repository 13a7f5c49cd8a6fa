package dev.ft.accounts.control;

import dev.ft.accounts.entity.AccessToken;
import dev.ft.accounts.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bearer tokens: 256 random bits handed to the client once, stored only as their SHA-256, valid
 * until they expire or are revoked. A token is checked when a request starts, so a long upload
 * is never cut off because its token expires mid-way.
 */
@ApplicationScoped
public class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ft.token-ttl", defaultValue = "24h")
  Duration ttl;

  /** A token as the client sees it, once. */
  public record IssuedToken(String token, Instant expiresAt) {}

  @Transactional
  public IssuedToken issue(Account account) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    em.createNamedQuery(AccessToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    em.persist(new AccessToken(hashOf(token), em.merge(account), now, expiresAt));
    return new IssuedToken(token, expiresAt);
  }

  public Optional<Account> accountOf(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    AccessToken found = em.find(AccessToken.class, hashOf(token));
    if (found == null || found.isExpiredAt(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(found.account());
  }

  @Transactional
  public void revoke(String token) {
    AccessToken found = em.find(AccessToken.class, hashOf(token));
    if (found != null) {
      em.remove(found);
    }
  }

  @Transactional
  public void revokeAllOf(Account account) {
    em.createNamedQuery(AccessToken.DELETE_OF_ACCOUNT).setParameter("account", account).executeUpdate();
  }

  static String hashOf(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
