package dev.ft.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks bearer tokens. A role change or a deletion takes effect on the caller's next request: both
 * clear the cache of {@link Tokens}.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

  @Inject Tokens tokens;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerCredential bearer)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return tokens
        .callerOf(bearer.token())
        .map(TokenIdentityStore::resultFor)
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  private static CredentialValidationResult resultFor(Caller caller) {
    return new CredentialValidationResult(caller.username(), Set.of(caller.role().wireName()));
  }
}
