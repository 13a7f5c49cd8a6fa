package dev.ft.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A bearer token, kept only as its SHA-256 so a leaked database yields no usable token. */
@Entity
@Table(name = "access_tokens")
@NamedQuery(
    name = AccessToken.DELETE_EXPIRED,
    query = "DELETE FROM AccessToken t WHERE t.expiresAt < :now")
@NamedQuery(
    name = AccessToken.DELETE_OF_ACCOUNT,
    query = "DELETE FROM AccessToken t WHERE t.account = :account")
public class AccessToken {
  public static final String DELETE_EXPIRED = "AccessToken.deleteExpired";
  public static final String DELETE_OF_ACCOUNT = "AccessToken.deleteOfAccount";

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "account_id")
  private Account account;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected AccessToken() {}

  public AccessToken(String tokenHash, Account account, Instant createdAt, Instant expiresAt) {
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.account = Objects.requireNonNull(account);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("A token must expire after it is created");
    }
  }

  public Account account() {
    return account;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
