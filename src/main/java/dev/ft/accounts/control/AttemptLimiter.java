package dev.ft.accounts.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (a username, a client address) in a window. Reaching the limit locks the
 * key for a while; each further lock-out of the same key doubles that time, up to a maximum. A key
 * that stays quiet for a whole window after its lock-out is forgotten, so nobody needs a successful
 * login to recover.
 */
public class AttemptLimiter {
  private static final int MAX_TRACKED_KEYS = 100_000;

  private final int maxFailures;
  private final Duration window;
  private final Duration firstLockout;
  private final Duration maxLockout;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private record State(int failures, Instant windowStart, int lockouts, Instant lockedUntil) {}

  public AttemptLimiter(
      int maxFailures, Duration window, Duration firstLockout, Duration maxLockout, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.firstLockout = firstLockout;
    this.maxLockout = maxLockout;
    this.clock = clock;
  }

  /** How long the key must still wait, if it is locked out now. */
  public Optional<Duration> lockedFor(String key) {
    State state = states.get(key);
    Instant now = clock.instant();
    if (state == null || state.lockedUntil == null || !now.isBefore(state.lockedUntil)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, state.lockedUntil));
  }

  /** Records a failure; answers true when this failure started a lock-out. */
  public boolean recordFailure(String key) {
    Instant now = clock.instant();
    if (states.size() >= MAX_TRACKED_KEYS) {
      forgetQuietKeys(now);
    }
    State next = states.compute(key, (k, old) -> nextAfterFailure(forgetIfQuiet(old, now), now));
    return next.lockedUntil != null && next.lockedUntil.isAfter(now) && next.failures == 0;
  }

  public void recordSuccess(String key) {
    states.remove(key);
  }

  private State nextAfterFailure(State old, Instant now) {
    State state = old;
    if (state == null || !now.isBefore(state.windowStart.plus(window))) {
      state =
          new State(
              0, now, state == null ? 0 : state.lockouts, state == null ? null : state.lockedUntil);
    }
    int failures = state.failures + 1;
    if (failures < maxFailures) {
      return new State(failures, state.windowStart, state.lockouts, state.lockedUntil);
    }
    int lockouts = state.lockouts + 1;
    return new State(0, now, lockouts, now.plus(lockoutFor(lockouts)));
  }

  Duration lockoutFor(int lockouts) {
    Duration lockout = firstLockout;
    for (int i = 1; i < lockouts && lockout.compareTo(maxLockout) < 0; i++) {
      lockout = lockout.multipliedBy(2);
    }
    return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
  }

  private State forgetIfQuiet(State state, Instant now) {
    return state != null && isQuiet(state, now) ? null : state;
  }

  private boolean isQuiet(State state, Instant now) {
    Instant lastActivity =
        state.lockedUntil != null && state.lockedUntil.isAfter(state.windowStart)
            ? state.lockedUntil
            : state.windowStart;
    return !now.isBefore(lastActivity.plus(window));
  }

  private void forgetQuietKeys(Instant now) {
    states.entrySet().removeIf(e -> isQuiet(e.getValue(), now));
  }
}
