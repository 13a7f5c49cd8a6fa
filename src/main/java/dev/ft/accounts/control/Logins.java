package dev.ft.accounts.control;

import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;

/**
 * Every username-and-password check goes through here, from {@code /auth/login} and from HTTP Basic
 * alike, so throttling cannot be dodged by switching between them.
 */
@ApplicationScoped
public class Logins {

  @Inject IdentityStoreHandler identityStores;
  @Inject LoginThrottle throttle;
  @Inject AuditLog audit;
  @Inject MeterRegistry registry;

  private Counter ok;
  private Counter wrong;
  private Counter throttled;

  /** Every password check, by outcome: {@code ft_logins_total{outcome="ok|wrong|throttled"}}. */
  @PostConstruct
  void registerMeters() {
    ok = outcome("ok");
    wrong = outcome("wrong");
    throttled = outcome("throttled");
  }

  /** Made with the application, so its meters are there, at zero, before the first use. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  private Counter outcome(String outcome) {
    return Counter.builder("ft.logins")
        .description("Password checks (logins, HTTP Basic, the admin sign-in) by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** The validated caller, or empty for a wrong username or password. */
  public Optional<CredentialValidationResult> check(
      String username, String password, String address) {
    throttle
        .lockedFor(username, address)
        .ifPresent(
            wait -> {
              throttled.increment();
              throw new TooManyAttempts(wait);
            });
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      throttle.recordSuccess(username);
      ok.increment();
      return Optional.of(result);
    }
    wrong.increment();
    if (throttle.recordFailure(username, address)) {
      audit.record(
          AuditLog.ANONYMOUS,
          AuditAction.LOGIN_THROTTLED,
          null,
          null,
          "failed logins for '" + username + "' from " + address);
    }
    return Optional.empty();
  }
}
