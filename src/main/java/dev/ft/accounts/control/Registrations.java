package dev.ft.accounts.control;

import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Role;
import dev.ft.platform.DomainException;
import dev.ft.platform.Grid;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may open an account for themselves. Each registration costs a BCrypt hash, and hashing shares
 * its few permits with logins, so one address may register at most {@code
 * ft.registration.max-per-address} accounts per {@code ft.registration.window}; past that it is
 * refused before any hashing, and existing users keep logging in. {@code ft.registration=closed}
 * leaves account creation to admins.
 */
@ApplicationScoped
public class Registrations {

  @Inject
  @ConfigProperty(name = "ft.registration")
  String mode;

  @Inject
  @ConfigProperty(name = "ft.registration.max-per-address")
  int maxPerAddress;

  @Inject
  @ConfigProperty(name = "ft.registration.window")
  Duration window;

  @Inject Clock clock;
  @Inject Accounts accounts;
  @Inject Grid grid;

  private boolean open;
  private AttemptLimiter byAddress;

  @PostConstruct
  void init() {
    if (!mode.equals("open") && !mode.equals("closed")) {
      throw new IllegalStateException("ft.registration must be open or closed, not " + mode);
    }
    open = mode.equals("open");
    byAddress =
        new AttemptLimiter(
            maxPerAddress,
            window,
            window,
            window,
            clock,
            GridCounts.of(grid, "ft.registrations.address"));
  }

  public Account register(String username, String password, String address) {
    if (!open) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "Registration is closed",
          "This server does not let people register themselves; an administrator creates"
              + " accounts.");
    }
    byAddress
        .lockedFor(address)
        .ifPresent(
            wait -> {
              throw new TooManyAttempts(
                  wait,
                  "Too many registrations",
                  "Too many accounts were registered from this address");
            });
    byAddress.recordFailure(address); // every attempt counts, so names cannot be probed for free
    return accounts.register(username, password, Role.USER);
  }
}
