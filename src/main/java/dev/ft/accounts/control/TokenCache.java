package dev.ft.accounts.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whom recently presented tokens speak for, so a request with a known token needs no database read:
 * on small downloads that read and its connection checkout were a fifth of the server's work
 * (bench/results.md).
 *
 * <p>Staleness is ruled out by generations, not by timing: every change that could make an entry
 * wrong (revocation, password or role change, removal) calls {@link #invalidate()} once it has
 * committed, which starts a new generation; an entry is only served in the generation it was read
 * in, and a read that began before the change is never stored. Entries also live at most {@link
 * #MAX_AGE}, which bounds how long a change made behind the server's back (SQL by hand) goes
 * unseen. Unknown tokens are never cached, so guessing cannot fill the map.
 */
class TokenCache {
  static final Duration MAX_AGE = Duration.ofSeconds(10);
  static final int MAX_ENTRIES = 10_000;

  /**
   * {@code usableUntil}: the token's expiry or the end of the entry's maximum age, whichever is
   * first.
   */
  private record Entry(Caller caller, Instant usableUntil, long generation) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /** Take this before reading the database, and hand it to {@link #put}. */
  long generation() {
    return generation.get();
  }

  Optional<Caller> get(String tokenHash, Instant now) {
    Entry entry = entries.get(tokenHash);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.generation != generation.get() || !now.isBefore(entry.usableUntil)) {
      entries.remove(tokenHash, entry);
      return Optional.empty();
    }
    return Optional.of(entry.caller);
  }

  /**
   * Keeps what the database said, unless something changed since {@code readGeneration} was taken.
   */
  void put(
      String tokenHash, Caller caller, Instant expiresAt, Instant readAt, long readGeneration) {
    if (readGeneration != generation.get()) {
      return; // a change committed while we read: what we read may be old
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // a burst of distinct tokens; rereading them is cheap enough
    }
    Instant maxAgeEnd = readAt.plus(MAX_AGE);
    Instant usableUntil = expiresAt.isBefore(maxAgeEnd) ? expiresAt : maxAgeEnd;
    // Should a change commit right here, this entry carries the old generation and get() skips it.
    entries.put(tokenHash, new Entry(caller, usableUntil, readGeneration));
  }

  /** After a committed change to tokens or accounts: nothing read before it is served again. */
  void invalidate() {
    generation.incrementAndGet();
    entries.clear();
  }
}
