package dev.ft.accounts.control;

import dev.ft.accounts.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a username and password against the BCrypt hash in the accounts table. An unknown user and
 * a wrong password get the same answer after the same work; a hash of another cost than today's is
 * made again at today's cost when its password proves right, so the work stays the same for every
 * account.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {

  @Inject Accounts accounts;
  @Inject PasswordHasher hasher;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String password = login.getPasswordAsString();
    Optional<Account> account = accounts.find(login.getCaller());
    boolean valid =
        account.isPresent()
            ? hasher.matches(password, account.get().passwordHash())
            : hasher.matchesNobody(password);
    if (!valid) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Account a = account.get();
    if (hasher.needsRehash(a.passwordHash())) {
      accounts.rehash(a.username(), password);
    }
    return new CredentialValidationResult(a.username(), Set.of(a.role().wireName()));
  }
}
