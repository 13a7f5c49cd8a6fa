package dev.ft.accounts.control;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Counts failures per key (a username, a client address) in a window. Reaching the limit locks the
 * key for a while; each further lock-out of the same key doubles that time, up to a maximum. A key
 * that stays quiet for a whole window after its lock-out is forgotten, so nobody needs a successful
 * login to recover. The counts live in {@link Counts}: this JVM's memory, or the data grid, where
 * every node of a cluster counts into the same entry.
 */
public class AttemptLimiter {
  private static final int MAX_TRACKED_KEYS = 100_000;

  private final int maxFailures;
  private final Duration window;
  private final Duration firstLockout;
  private final Duration maxLockout;
  private final Clock clock;
  private final Counts counts;

  /** One key's count; shared across nodes, so it travels in Java serialisation. */
  public record State(int failures, Instant windowStart, int lockouts, Instant lockedUntil)
      implements Serializable {}

  /** Where the states live; {@link #record} must apply the failure atomically. */
  public interface Counts {
    State get(String key);

    State record(String key, Failure failure);

    void remove(String key);
  }

  public AttemptLimiter(
      int maxFailures, Duration window, Duration firstLockout, Duration maxLockout, Clock clock) {
    this(maxFailures, window, firstLockout, maxLockout, clock, null);
  }

  /** With {@code counts} null, the counts live in this JVM. */
  public AttemptLimiter(
      int maxFailures,
      Duration window,
      Duration firstLockout,
      Duration maxLockout,
      Clock clock,
      Counts counts) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.firstLockout = firstLockout;
    this.maxLockout = maxLockout;
    this.clock = clock;
    this.counts = counts != null ? counts : new LocalCounts(window);
  }

  /** How long the key must still wait, if it is locked out now. */
  public Optional<Duration> lockedFor(String key) {
    State state = counts.get(key);
    Instant now = clock.instant();
    if (state == null || state.lockedUntil == null || !now.isBefore(state.lockedUntil)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, state.lockedUntil));
  }

  /** Records a failure; answers true when this failure started a lock-out. */
  public boolean recordFailure(String key) {
    Instant now = clock.instant();
    State next =
        counts.record(key, new Failure(maxFailures, window, firstLockout, maxLockout, now));
    return next.lockedUntil != null && next.lockedUntil.isAfter(now) && next.failures == 0;
  }

  public void recordSuccess(String key) {
    counts.remove(key);
  }

  Duration lockoutFor(int lockouts) {
    return Failure.lockoutFor(lockouts, firstLockout, maxLockout);
  }

  /** One failure at {@code now}, as a change of a key's state that any node can apply. */
  public record Failure(
      int maxFailures, Duration window, Duration firstLockout, Duration maxLockout, Instant now)
      implements UnaryOperator<State>, Serializable {

    @Override
    public State apply(State old) {
      State state = old != null && isQuiet(old, now, window) ? null : old;
      if (state == null || !now.isBefore(state.windowStart.plus(window))) {
        state =
            new State(
                0,
                now,
                state == null ? 0 : state.lockouts,
                state == null ? null : state.lockedUntil);
      }
      int failures = state.failures + 1;
      if (failures < maxFailures) {
        return new State(failures, state.windowStart, state.lockouts, state.lockedUntil);
      }
      int lockouts = state.lockouts + 1;
      return new State(0, now, lockouts, now.plus(lockoutFor(lockouts, firstLockout, maxLockout)));
    }

    static Duration lockoutFor(int lockouts, Duration firstLockout, Duration maxLockout) {
      Duration lockout = firstLockout;
      for (int i = 1; i < lockouts && lockout.compareTo(maxLockout) < 0; i++) {
        lockout = lockout.multipliedBy(2);
      }
      return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }
  }

  static boolean isQuiet(State state, Instant now, Duration window) {
    Instant lastActivity =
        state.lockedUntil != null && state.lockedUntil.isAfter(state.windowStart)
            ? state.lockedUntil
            : state.windowStart;
    return !now.isBefore(lastActivity.plus(window));
  }

  /** This JVM's counts, bounded: past the bound the quiet keys go. */
  private static final class LocalCounts implements Counts {
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Duration window;

    LocalCounts(Duration window) {
      this.window = window;
    }

    @Override
    public State get(String key) {
      return states.get(key);
    }

    @Override
    public State record(String key, Failure failure) {
      if (states.size() >= MAX_TRACKED_KEYS) {
        states.entrySet().removeIf(e -> isQuiet(e.getValue(), failure.now(), window));
      }
      return states.compute(key, (k, old) -> failure.apply(old));
    }

    @Override
    public void remove(String key) {
      states.remove(key);
    }
  }
}
