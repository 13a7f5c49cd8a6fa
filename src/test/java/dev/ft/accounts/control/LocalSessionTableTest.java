package dev.ft.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ft.fixtures.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalSessionTableTest {
  private final MutableClock clock = new MutableClock();
  private final LocalSessionTable table = new LocalSessionTable(Duration.ofMinutes(30), clock);
  private final SignedIn alice = new SignedIn("alice", "fingerprint", null);

  @Test
  void aSessionInUseLastsAndAnIdleOneEnds() {
    table.put("a", alice);
    clock.advance(Duration.ofMinutes(29));
    assertEquals(Optional.of(alice), table.find("a"), "used within its idle time");
    clock.advance(Duration.ofMinutes(29));
    assertEquals(Optional.of(alice), table.find("a"), "each use starts the idle time again");
    clock.advance(Duration.ofMinutes(30));
    assertEquals(Optional.empty(), table.find("a"), "30 minutes unused: gone");
  }

  @Test
  void idleSessionsDoNotCountAgainstTheLimit() {
    table.put("a", alice);
    clock.advance(Duration.ofMinutes(20));
    table.put("b", alice);
    assertEquals(2, table.size());
    clock.advance(Duration.ofMinutes(15));
    assertEquals(1, table.size(), "the first has been idle for 35 minutes");
    table.remove("b");
    assertEquals(0, table.size());
  }
}
