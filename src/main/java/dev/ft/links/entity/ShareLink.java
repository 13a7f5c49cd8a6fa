package dev.ft.links.entity;

import dev.ft.files.entity.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A file handed to someone without an account, until it expires, is revoked or is used up. Its
 * secret key is kept only as its SHA-256; {@link #id()} is the non-secret handle its owner sees.
 */
@Entity
@Table(name = "share_links")
@NamedQuery(
    name = ShareLink.BY_KEY_HASH,
    query =
        "SELECT l FROM ShareLink l JOIN FETCH l.file f JOIN FETCH f.owner WHERE l.keyHash ="
            + " :keyHash")
@NamedQuery(
    name = ShareLink.LIVE_OF_OWNER,
    query =
        "SELECT l FROM ShareLink l JOIN FETCH l.file f JOIN FETCH f.owner WHERE f.owner = :owner"
            + " AND l.expiresAt > :now ORDER BY l.createdAt DESC")
@NamedQuery(
    name = ShareLink.LIVE,
    query =
        "SELECT l FROM ShareLink l JOIN FETCH l.file f JOIN FETCH f.owner WHERE l.expiresAt > :now"
            + " ORDER BY l.createdAt DESC")
@NamedQuery(
    name = ShareLink.DELETE_EXPIRED,
    query = "DELETE FROM ShareLink l WHERE l.expiresAt <= :now")
@NamedQuery(
    name = ShareLink.COUNT_START,
    query =
        "UPDATE ShareLink l SET l.downloads = l.downloads + 1, l.lastDownloadAt = :now WHERE l.id ="
            + " :id AND l.expiresAt > :now AND (l.maxDownloads IS NULL OR l.downloads <"
            + " l.maxDownloads)")
public class ShareLink {
  public static final String BY_KEY_HASH = "ShareLink.byKeyHash";
  public static final String LIVE_OF_OWNER = "ShareLink.liveOfOwner";
  public static final String LIVE = "ShareLink.live";
  public static final String DELETE_EXPIRED = "ShareLink.deleteExpired";
  public static final String COUNT_START = "ShareLink.countStart";

  @Id
  @Column(name = "id", length = 12)
  private String id;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "file_id")
  private StoredFile file;

  @Column(name = "created_by", nullable = false, length = 32)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "password_hash", length = 100)
  private String passwordHash;

  @Column(name = "max_downloads")
  private Integer maxDownloads;

  @Column(name = "downloads", nullable = false)
  private int downloads;

  @Column(name = "last_download_at")
  private Instant lastDownloadAt;

  @Column(name = "allow_from", length = 1000)
  private String allowFrom;

  @Column(name = "note", length = 500)
  private String note;

  protected ShareLink() {}

  /** What the creator chose; {@code allowFrom} empty means any address. */
  public record Terms(
      Instant expiresAt,
      String passwordHash,
      Integer maxDownloads,
      List<String> allowFrom,
      String note) {
    public Terms {
      Objects.requireNonNull(expiresAt);
      allowFrom = List.copyOf(allowFrom);
    }
  }

  public ShareLink(
      String id,
      String keyHash,
      StoredFile file,
      String createdBy,
      Instant createdAt,
      Terms terms) {
    this.id = Objects.requireNonNull(id);
    this.keyHash = Objects.requireNonNull(keyHash);
    this.file = Objects.requireNonNull(file);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = terms.expiresAt();
    this.passwordHash = terms.passwordHash();
    this.maxDownloads = terms.maxDownloads();
    this.allowFrom = terms.allowFrom().isEmpty() ? null : String.join(",", terms.allowFrom());
    this.note = terms.note();
  }

  public String id() {
    return id;
  }

  public StoredFile file() {
    return file;
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

  public Integer maxDownloads() {
    return maxDownloads;
  }

  public int downloads() {
    return downloads;
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

  public boolean isUsedUp() {
    return maxDownloads != null && downloads >= maxDownloads;
  }

  /**
   * Whether a download that does not start at the first byte may go on: one was started, and the
   * link is not used up, or its last allowed download started no longer than {@code grace} ago.
   */
  public boolean mayContinueAt(Instant now, Duration grace) {
    return downloads > 0
        && (!isUsedUp() || (lastDownloadAt != null && now.isBefore(lastDownloadAt.plus(grace))));
  }
}
