package dev.ft.links.entity;

import dev.ft.platform.AddressRange;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a share link and a drop have in common: a secret key kept only as its SHA-256, a non-secret
 * {@link #id()} for its owner, an expiry, and optionally a password, address ranges and a note.
 */
@MappedSuperclass
public abstract class SecretLink {

  @Id
  @Column(name = "id", length = 12)
  private String id;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(name = "created_by", nullable = false, length = 32)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "password_hash", length = 100)
  private String passwordHash;

  @Column(name = "allow_from", length = 1000)
  private String allowFrom;

  @Column(name = "note", length = 500)
  private String note;

  protected SecretLink() {}

  /** What the creator chose; {@code allowFrom} empty means any address. */
  public record Terms(
      Instant expiresAt, String passwordHash, List<AddressRange> allowFrom, String note) {
    public Terms {
      Objects.requireNonNull(expiresAt);
      allowFrom = List.copyOf(allowFrom);
    }
  }

  protected SecretLink(
      String id, String keyHash, String createdBy, Instant createdAt, Terms terms) {
    this.id = Objects.requireNonNull(id);
    this.keyHash = Objects.requireNonNull(keyHash);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = terms.expiresAt();
    this.passwordHash = terms.passwordHash();
    this.allowFrom =
        terms.allowFrom().isEmpty()
            ? null
            : String.join(",", terms.allowFrom().stream().map(AddressRange::toString).toList());
    this.note = terms.note();
  }

  public String id() {
    return id;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public List<String> allowFrom() {
    return allowFrom == null ? List.of() : Arrays.asList(allowFrom.split(","));
  }

  public String note() {
    return note;
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether a client at {@code address} may use it. */
  public boolean admits(String address) {
    return allowFrom().isEmpty()
        || allowFrom().stream()
            .map(AddressRange::parse)
            .flatMap(Optional::stream)
            .anyMatch(range -> range.contains(address));
  }
}
