package dev.ft.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.fixtures.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
  private final MutableClock clock = new MutableClock();
  private final AttemptLimiter cut =
      new AttemptLimiter(
          3, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(5), clock);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      cut.recordFailure("alice");
    }
  }

  @Test
  void locksOutAtTheLimitAndSaysForHowLong() {
    fail(2);
    assertEquals(Optional.empty(), cut.lockedFor("alice"), "below the limit nothing is locked");
    assertTrue(cut.recordFailure("alice"), "the failure that reaches the limit starts a lock-out");
    assertEquals(Optional.of(Duration.ofMinutes(1)), cut.lockedFor("alice"));
    assertEquals(Optional.empty(), cut.lockedFor("bob"), "other keys are not affected");
  }

  @Test
  void theLockOutEndsByItselfWithoutASuccessfulLogin() {
    fail(3);
    clock.advance(Duration.ofSeconds(61));
    assertEquals(Optional.empty(), cut.lockedFor("alice"));
  }

  @Test
  void repeatedAbuseDoublesTheLockOutUpToTheMaximum() {
    Duration[] expected = {
      Duration.ofMinutes(1),
      Duration.ofMinutes(2),
      Duration.ofMinutes(4),
      Duration.ofMinutes(5),
      Duration.ofMinutes(5)
    };
    for (Duration lockout : expected) {
      fail(3);
      assertEquals(Optional.of(lockout), cut.lockedFor("alice"));
      clock.advance(lockout);
    }
  }

  @Test
  void aQuietWindowForgetsPastAbuse() {
    fail(3);
    clock.advance(Duration.ofMinutes(1).plus(Duration.ofMinutes(15)));
    fail(3);
    assertEquals(
        Optional.of(Duration.ofMinutes(1)), cut.lockedFor("alice"), "back to the first lock-out");
  }

  @Test
  void failuresOutsideTheWindowDoNotAddUp() {
    fail(2);
    clock.advance(Duration.ofMinutes(16));
    assertFalse(cut.recordFailure("alice"));
    assertEquals(Optional.empty(), cut.lockedFor("alice"));
  }

  @Test
  void successClearsTheCount() {
    fail(2);
    cut.recordSuccess("alice");
    fail(2);
    assertEquals(Optional.empty(), cut.lockedFor("alice"));
  }
}
