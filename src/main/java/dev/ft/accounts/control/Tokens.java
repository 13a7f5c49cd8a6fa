package dev.ft.accounts.control;

import dev.ft.accounts.entity.AccessToken;
import dev.ft.accounts.entity.Account;
import dev.ft.platform.Grid;
import dev.ft.platform.RandomText;
import dev.ft.platform.Sha256;
import dev.ft.platform.TransactionOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bearer tokens: 256 random bits handed to the client once, stored only as their SHA-256, valid
 * until they expire or are revoked. A token is checked when a request starts, so a long upload is
 * never cut off because its token expires mid-way. Whom a token speaks for is cached ({@link
 * TokenCache}); every revocation and role change clears that cache when it commits.
 */
@ApplicationScoped
public class Tokens {

  private final TokenCache cache = new TokenCache();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject TransactionOutcomes transactions;

  @Inject
  @ConfigProperty(name = "ft.token-ttl")
  Duration ttl;

  @Inject MeterRegistry registry;
  @Inject Grid grid;

  private static final String FORGET_CALLERS = "ft.token-cache.forget";

  private Counter issued;
  private Counter revoked;

  /** {@code ft_tokens_issued_total} and {@code ft_tokens_revoked_total}. */
  @PostConstruct
  void registerMeters() {
    issued = Counter.builder("ft.tokens.issued").description("Tokens issued").register(registry);
    revoked =
        Counter.builder("ft.tokens.revoked")
            .description("Tokens revoked: logouts, password changes, removed users")
            .register(registry);
    if (grid.isClustered()) {
      grid.<String>listen(FORGET_CALLERS, from -> cache.invalidate());
    }
  }

  /** Made with the application, so its meters are there, at zero, before the first use. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  /** A token as the client sees it, once. */
  public record IssuedToken(String token, Instant expiresAt) {}

  @Transactional
  public IssuedToken issue(Account account) {
    String token = RandomText.secret(32);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    em.createNamedQuery(AccessToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    em.persist(new AccessToken(Sha256.hex(token), em.merge(account), now, expiresAt));
    countOnCommit(issued, 1);
    return new IssuedToken(token, expiresAt);
  }

  /** Whom a token speaks for; the database is read at most every few seconds per token. */
  public Optional<Caller> callerOf(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = Sha256.hex(token);
    Instant now = clock.instant();
    Optional<Caller> cached = cache.get(hash, now);
    if (cached.isPresent()) {
      return cached;
    }
    long generation = cache.generation();
    AccessToken found = em.find(AccessToken.class, hash);
    if (found == null || found.isExpiredAt(now)) {
      return Optional.empty();
    }
    Caller caller = new Caller(found.account().username(), found.account().role());
    cache.put(hash, caller, found.expiresAt(), now, generation);
    return Optional.of(caller);
  }

  @Transactional
  public void revoke(String token) {
    AccessToken found = em.find(AccessToken.class, Sha256.hex(token));
    if (found != null) {
      em.remove(found);
      forgetCallersOnCompletion();
      countOnCommit(revoked, 1);
    }
  }

  @Transactional
  public void revokeAllOf(Account account) {
    int removed =
        em.createNamedQuery(AccessToken.DELETE_OF_ACCOUNT)
            .setParameter("account", account)
            .executeUpdate();
    forgetCallersOnCompletion();
    countOnCommit(revoked, removed);
  }

  /** A token counts once its transaction has committed: a rolled-back one never existed. */
  private void countOnCommit(Counter counter, int tokens) {
    transactions.afterCompletion(
        committed -> {
          if (committed) {
            counter.increment(tokens);
          }
        });
  }

  /**
   * For changes to what {@link #callerOf} answers that are not revocations (a role change): once
   * the current transaction ends, every token is read from the database again.
   */
  public void forgetCallersOnCompletion() {
    transactions.afterCompletion(
        committed -> {
          cache.invalidate();
          if (committed && grid.isClustered()) {
            // every node's cache, at once; their 10 s bound is only the safety net
            grid.broadcast(FORGET_CALLERS, "revoked");
          }
        });
  }
}
