package dev.ft.accounts.control;

import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
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

  /** The validated caller, or empty for a wrong username or password. */
  public Optional<CredentialValidationResult> check(
      String username, String password, String address) {
    throttle
        .lockedFor(username, address)
        .ifPresent(
            wait -> {
              throw new TooManyAttempts(wait);
            });
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      throttle.recordSuccess(username);
      return Optional.of(result);
    }
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
