package dev.ft.links.entity;

import dev.ft.files.entity.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A file handed to someone without an account, until it expires, is revoked or is used up. */
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
public class ShareLink extends SecretLink {
  public static final String BY_KEY_HASH = "ShareLink.byKeyHash";
  public static final String LIVE_OF_OWNER = "ShareLink.liveOfOwner";
  public static final String LIVE = "ShareLink.live";
  public static final String DELETE_EXPIRED = "ShareLink.deleteExpired";
  public static final String COUNT_START = "ShareLink.countStart";

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "file_id")
  private StoredFile file;

  @Column(name = "max_downloads")
  private Integer maxDownloads;

  @Column(name = "downloads", nullable = false)
  private int downloads;

  @Column(name = "last_download_at")
  private Instant lastDownloadAt;

  protected ShareLink() {}

  public ShareLink(
      String id,
      String keyHash,
      StoredFile file,
      String createdBy,
      Instant createdAt,
      Terms terms,
      Integer maxDownloads) {
    super(id, keyHash, createdBy, createdAt, terms);
    this.file = Objects.requireNonNull(file);
    this.maxDownloads = maxDownloads;
  }

  public StoredFile file() {
    return file;
  }

  public Integer maxDownloads() {
    return maxDownloads;
  }

  public int downloads() {
    return downloads;
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
