package dev.ft.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person or script that can log in. */
@Entity
@Table(name = "accounts")
@NamedQuery(name = Account.BY_KEY, query = "SELECT a FROM Account a WHERE a.usernameKey = :key")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.usernameKey")
@NamedQuery(name = Account.BY_ROLE, query = "SELECT a FROM Account a WHERE a.role = :role")
public class Account {
  public static final String BY_KEY = "Account.byKey";
  public static final String ALL = "Account.all";
  public static final String BY_ROLE = "Account.byRole";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "username", nullable = false, length = 32)
  private String username;

  @Column(name = "username_key", nullable = false, length = 32, unique = true)
  private String usernameKey;

  @Column(name = "password_hash", nullable = false, length = 100)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 16)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  public Account(String username, String passwordHash, Role role, Instant createdAt) {
    this.username = Username.require(username);
    this.usernameKey = Username.key(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = Objects.requireNonNull(role);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public void changeRole(Role newRole) {
    this.role = Objects.requireNonNull(newRole);
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
