package dev.ft.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.accounts.entity.Role;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final Instant EXPIRES = NOW.plusSeconds(3600);
  private static final Caller ALICE = new Caller("alice", Role.USER);

  private final TokenCache cache = new TokenCache();

  @Test
  void servesWhatWasReadUntilItIsInvalidated() {
    cache.put("h", ALICE, EXPIRES, NOW, cache.generation());
    assertEquals(Optional.of(ALICE), cache.get("h", NOW.plusSeconds(1)));
    cache.invalidate();
    assertTrue(cache.get("h", NOW.plusSeconds(1)).isEmpty(), "a revocation must be seen at once");
  }

  @Test
  void aReadThatBeganBeforeAChangeIsNotKept() {
    long before = cache.generation();
    cache.invalidate(); // a revocation commits while the token row is being read
    cache.put("h", ALICE, EXPIRES, NOW, before);
    assertTrue(cache.get("h", NOW).isEmpty());
  }

  @Test
  void entriesEndWithTheTokenAndAfterTheirMaximumAge() {
    cache.put("soon", ALICE, NOW.plusSeconds(2), NOW, cache.generation());
    assertTrue(
        cache.get("soon", NOW.plusSeconds(2)).isEmpty(),
        "an expired token is not served from the cache");
    cache.put("h", ALICE, EXPIRES, NOW, cache.generation());
    assertEquals(Optional.of(ALICE), cache.get("h", NOW.plus(TokenCache.MAX_AGE).minusMillis(1)));
    assertTrue(
        cache.get("h", NOW.plus(TokenCache.MAX_AGE)).isEmpty(),
        "changes made by SQL are seen within MAX_AGE");
  }

  @Test
  void manyDistinctTokensDoNotGrowTheCacheWithoutBound() {
    for (int i = 0; i <= TokenCache.MAX_ENTRIES; i++) {
      cache.put("h" + i, ALICE, EXPIRES, NOW, cache.generation());
    }
    assertTrue(
        cache.get("h0", NOW).isEmpty(),
        "the cache started again instead of growing past its bound");
    assertEquals(Optional.of(ALICE), cache.get("h" + TokenCache.MAX_ENTRIES, NOW));
  }
}
