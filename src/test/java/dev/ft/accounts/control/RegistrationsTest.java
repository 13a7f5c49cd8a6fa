package dev.ft.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Role;
import dev.ft.fixtures.MutableClock;
import dev.ft.platform.DomainException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationsTest {
  private final MutableClock clock = new MutableClock();
  private final List<String> registered = new ArrayList<>();

  private Registrations cut(String mode, int maxPerAddress) {
    Registrations cut = new Registrations();
    cut.mode = mode;
    cut.maxPerAddress = maxPerAddress;
    cut.window = Duration.ofHours(1);
    cut.clock = clock;
    cut.grid = new dev.ft.platform.Grid(); // alone: no cluster
    cut.accounts =
        new Accounts() {
          @Override
          public Account register(String username, String password, Role role) {
            registered.add(username);
            return null;
          }
        };
    cut.init();
    return cut;
  }

  @Test
  void anAddressRegistersUpToItsLimitPerWindowThenWaits() {
    Registrations cut = cut("open", 2);
    cut.register("one", "password", "10.0.0.1");
    cut.register("two", "password", "10.0.0.1");
    TooManyAttempts refused =
        assertThrows(TooManyAttempts.class, () -> cut.register("three", "password", "10.0.0.1"));
    assertEquals(3600, refused.retryAfterSeconds(), "the rest of the window");
    cut.register("elsewhere", "password", "10.0.0.2");
    clock.advance(Duration.ofHours(1));
    cut.register("later", "password", "10.0.0.1");
    assertEquals(List.of("one", "two", "elsewhere", "later"), registered);
  }

  @Test
  void closedRegistrationRefusesEveryoneAndRegistersNobody() {
    Registrations cut = cut("closed", 10);
    DomainException refused =
        assertThrows(DomainException.class, () -> cut.register("one", "password", "10.0.0.1"));
    assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
    assertEquals(List.of(), registered);
  }

  @Test
  void anUnknownModeStopsTheStart() {
    assertThrows(IllegalStateException.class, () -> cut("invite-only", 10));
  }
}
