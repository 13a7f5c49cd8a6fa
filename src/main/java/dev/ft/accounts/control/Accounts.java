package dev.ft.accounts.control;

import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Password;
import dev.ft.accounts.entity.Role;
import dev.ft.accounts.entity.Username;
import dev.ft.audit.control.AuditLog;
import dev.ft.audit.entity.AuditAction;
import dev.ft.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Registration, look-up, role changes and removal of accounts. */
@ApplicationScoped
public class Accounts {

  @PersistenceContext EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject Tokens tokens;
  @Inject AuditLog audit;
  @Inject Event<AccountRemoval> removals;
  @Inject Clock clock;

  /** Fired inside the removing transaction, so whatever the account owns goes with it or stays. */
  public record AccountRemoval(Account account) {}

  /** A new account, registered by the person who will use it. */
  @Transactional
  public Account register(String username, String password, Role role) {
    return create(username, username, password, role);
  }

  /** A new account, made by {@code actor} (the account itself, or an admin). */
  @Transactional
  public Account create(String actor, String username, String password, Role role) {
    Username.require(username);
    Password.requireValid(password);
    if (find(username).isPresent()) {
      throw taken(username);
    }
    Account account = new Account(username, hasher.hash(password), role, clock.instant());
    em.persist(account);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw taken(username); // registered by someone else a moment ago
    }
    audit.record(actor, AuditAction.REGISTER, username, null, "role " + role.wireName());
    return account;
  }

  public Optional<Account> find(String username) {
    if (!Username.isValid(username)) {
      return Optional.empty();
    }
    return em.createNamedQuery(Account.BY_KEY, Account.class)
        .setParameter("key", Username.key(username))
        .getResultStream()
        .findFirst();
  }

  public Account require(String username) {
    return find(username).orElseThrow(() -> DomainException.notFound("no user '" + username + "'"));
  }

  public List<Account> all() {
    return em.createNamedQuery(Account.ALL, Account.class).getResultList();
  }

  public boolean anyAdmin() {
    return !em.createNamedQuery(Account.BY_ROLE, Account.class)
        .setParameter("role", Role.ADMIN)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Transactional
  public Account changeRole(String actor, String username, Role role) {
    Account account = lockedForUpdate(username);
    if (account.isAdmin() && role != Role.ADMIN) {
      requireAnotherAdmin(account);
    }
    Role before = account.role();
    account.changeRole(role);
    tokens.forgetCallersOnCompletion();
    audit.record(
        actor,
        AuditAction.ROLE,
        account.username(),
        null,
        before.wireName() + " -> " + role.wireName());
    return account;
  }

  /** A new password, and every token issued with the old one stops working. */
  @Transactional
  public void changePassword(String username, String newPassword) {
    Password.requireValid(newPassword);
    Account account = lockedForUpdate(username);
    account.changePasswordHash(hasher.hash(newPassword));
    tokens.revokeAllOf(account);
    audit.record(username, AuditAction.PASSWORD, username, null, "all tokens revoked");
  }

  /**
   * The same password hashed again at today's cost. Tokens stay valid; the user's other admin-page
   * sessions end, as they would after a password change.
   */
  @Transactional
  void rehash(String username, String password) {
    lockedForUpdate(username).changePasswordHash(hasher.hashAgain(password));
  }

  @Transactional
  public void remove(String actor, String username) {
    Account account = lockedForUpdate(username);
    if (account.isAdmin()) {
      requireAnotherAdmin(account);
    }
    removals.fire(new AccountRemoval(account));
    tokens.revokeAllOf(account);
    em.remove(account);
    audit.record(actor, AuditAction.DELETE_USER, account.username(), null, null);
  }

  private Account lockedForUpdate(String username) {
    Account account = require(username);
    return em.find(Account.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
  }

  /** Locks every admin row, so two admins demoting each other at once cannot both succeed. */
  private void requireAnotherAdmin(Account leaving) {
    List<Account> admins =
        em.createNamedQuery(Account.BY_ROLE, Account.class)
            .setParameter("role", Role.ADMIN)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (!anotherAdminThan(leaving, admins)) {
      throw DomainException.conflict(
          "'" + leaving.username() + "' is the last admin; make another admin first");
    }
  }

  /** Whether {@code admins} holds an account other than {@code leaving}; usernames are unique. */
  static boolean anotherAdminThan(Account leaving, List<Account> admins) {
    String leavingKey = Username.key(leaving.username());
    return admins.stream().anyMatch(admin -> !Username.key(admin.username()).equals(leavingKey));
  }

  static DomainException taken(String username) {
    return DomainException.conflict("username '" + username + "' is taken");
  }
}
