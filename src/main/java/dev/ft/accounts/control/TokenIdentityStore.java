package dev.ft.accounts.control;

import dev.ft.accounts.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks bearer tokens. The account's role is read on every request, so a role change or a
 * deletion takes effect on the caller's next request.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

  @Inject Tokens tokens;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerCredential bearer)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return tokens.accountOf(bearer.token())
        .map(TokenIdentityStore::resultFor)
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  private static CredentialValidationResult resultFor(Account account) {
    return new CredentialValidationResult(account.username(), Set.of(account.role().wireName()));
  }
}
