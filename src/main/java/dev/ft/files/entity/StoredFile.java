package dev.ft.files.entity;

import dev.ft.accounts.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A file's metadata; its bytes live in the file store under {@link #storageKey()}. */
@Entity
@Table(name = "files")
@NamedQuery(
    name = StoredFile.OF_OWNER,
    query = "SELECT f FROM StoredFile f WHERE f.owner = :owner ORDER BY f.name")
@NamedQuery(
    name = StoredFile.BY_OWNER_AND_NAME,
    query = "SELECT f FROM StoredFile f WHERE f.owner = :owner AND f.name = :name")
@NamedQuery(
    name = StoredFile.BY_OWNER_NAME_AND_NAME,
    query =
        "SELECT f FROM StoredFile f JOIN FETCH f.owner WHERE f.owner.usernameKey = :ownerKey AND"
            + " f.name = :name")
@NamedQuery(
    name = StoredFile.WITH_VISIBILITY,
    query =
        "SELECT f FROM StoredFile f WHERE f.visibility IN :visibilities ORDER BY"
            + " f.owner.usernameKey, f.name")
@NamedQuery(
    name = StoredFile.BYTES_OF_OWNER,
    query = "SELECT COALESCE(SUM(f.size), 0) FROM StoredFile f WHERE f.owner = :owner")
@NamedQuery(
    name = StoredFile.TOTALS,
    query = "SELECT COUNT(f), COALESCE(SUM(f.size), 0) FROM StoredFile f")
@NamedQuery(name = StoredFile.ALL_KEYS, query = "SELECT f.storageKey FROM StoredFile f")
@NamedQuery(
    name = StoredFile.USAGE,
    query =
        "SELECT a, COUNT(f), COALESCE(SUM(f.size), 0) FROM Account a LEFT JOIN StoredFile f ON"
            + " f.owner = a GROUP BY a ORDER BY a.usernameKey")
public class StoredFile {
  public static final String OF_OWNER = "StoredFile.ofOwner";
  public static final String BY_OWNER_AND_NAME = "StoredFile.byOwnerAndName";
  public static final String BY_OWNER_NAME_AND_NAME = "StoredFile.byOwnerNameAndName";
  public static final String WITH_VISIBILITY = "StoredFile.withVisibility";
  public static final String BYTES_OF_OWNER = "StoredFile.bytesOfOwner";
  public static final String TOTALS = "StoredFile.totals";
  public static final String ALL_KEYS = "StoredFile.allKeys";
  public static final String USAGE = "StoredFile.usage";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "owner_id")
  private Account owner;

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Column(name = "content_type", nullable = false, length = 255)
  private String contentType;

  @Enumerated(EnumType.STRING)
  @Column(name = "visibility", nullable = false, length = 16)
  private Visibility visibility;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "storage_key", nullable = false, length = 64)
  private String storageKey;

  protected StoredFile() {}

  public StoredFile(Account owner, String name, Content content, Instant createdAt) {
    this.owner = Objects.requireNonNull(owner);
    this.name = FileName.require(name);
    this.visibility = Visibility.PRIVATE;
    replaceContent(content, createdAt);
  }

  /** What an upload delivers; replacing it keeps the name and visibility. */
  public record Content(long size, String sha256, String contentType, String storageKey) {
    public Content {
      if (size < 0
          || sha256 == null
          || sha256.length() != 64
          || contentType == null
          || storageKey == null) {
        throw new IllegalArgumentException("Incomplete file content");
      }
    }
  }

  public void replaceContent(Content content, Instant at) {
    this.size = content.size();
    this.sha256 = content.sha256();
    this.contentType = content.contentType();
    this.storageKey = content.storageKey();
    this.createdAt = Objects.requireNonNull(at);
  }

  public Account owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String contentType() {
    return contentType;
  }

  public Visibility visibility() {
    return visibility;
  }

  public void changeVisibility(Visibility visibility) {
    this.visibility = Objects.requireNonNull(visibility);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String storageKey() {
    return storageKey;
  }
}
