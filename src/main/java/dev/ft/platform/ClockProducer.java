package dev.ft.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * One clock for everything that stamps or expires, so tests of controls can pass their own. It
 * ticks in milliseconds, the precision the database keeps, so an answer shows the same instant as a
 * later read.
 */
@ApplicationScoped
public class ClockProducer {
  @Produces
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
