package dev.ft.accounts.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this JVM. An idle one is dropped when it is next looked at, and all idle ones when
 * they are counted, which every sign-in does first: so the table never holds more than the limit
 * sign-in enforces.
 */
final class LocalSessionTable implements SessionTable {
  private record Entry(SignedIn session, Instant lastUsed) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration idle;
  private final Clock clock;

  LocalSessionTable(Duration idle, Clock clock) {
    this.idle = idle;
    this.clock = clock;
  }

  @Override
  public void put(String key, SignedIn session) {
    entries.put(key, new Entry(session, clock.instant()));
  }

  @Override
  public Optional<SignedIn> find(String key) {
    Instant now = clock.instant();
    Entry used =
        entries.computeIfPresent(
            key, (k, entry) -> isIdle(entry, now) ? null : new Entry(entry.session(), now));
    return Optional.ofNullable(used).map(Entry::session);
  }

  @Override
  public void remove(String key) {
    entries.remove(key);
  }

  @Override
  public int size() {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> isIdle(entry, now));
    return entries.size();
  }

  private boolean isIdle(Entry entry, Instant now) {
    return !entry.lastUsed().plus(idle).isAfter(now);
  }
}
