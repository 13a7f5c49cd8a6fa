package dev.ft.links.entity;

import dev.ft.accounts.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An upload-only link into its owner's area: whoever holds it may add files, within its limits, and
 * sees nothing of what is there.
 */
@Entity
@Table(name = "drops")
@NamedQuery(
    name = Drop.BY_KEY_HASH,
    query = "SELECT d FROM Drop d JOIN FETCH d.owner WHERE d.keyHash = :keyHash")
@NamedQuery(
    name = Drop.LIVE_OF_OWNER,
    query =
        "SELECT d FROM Drop d JOIN FETCH d.owner WHERE d.owner = :owner AND d.expiresAt > :now"
            + " ORDER BY d.createdAt DESC")
@NamedQuery(
    name = Drop.LIVE,
    query =
        "SELECT d FROM Drop d JOIN FETCH d.owner WHERE d.expiresAt > :now ORDER BY d.createdAt"
            + " DESC")
@NamedQuery(name = Drop.DELETE_EXPIRED, query = "DELETE FROM Drop d WHERE d.expiresAt <= :now")
@NamedQuery(
    name = Drop.COUNT_RECEIVED,
    query =
        "UPDATE Drop d SET d.filesReceived = d.filesReceived + :files, d.bytesReceived ="
            + " d.bytesReceived + :bytes WHERE d.id = :id AND d.expiresAt > :now AND (d.maxFiles"
            + " IS NULL OR d.filesReceived + :files <= d.maxFiles) AND (d.maxBytes IS NULL OR"
            + " d.bytesReceived + :bytes <= d.maxBytes)")
public class Drop extends SecretLink {
  public static final String BY_KEY_HASH = "Drop.byKeyHash";
  public static final String LIVE_OF_OWNER = "Drop.liveOfOwner";
  public static final String LIVE = "Drop.live";
  public static final String DELETE_EXPIRED = "Drop.deleteExpired";
  public static final String COUNT_RECEIVED = "Drop.countReceived";

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "owner_id")
  private Account owner;

  @Column(name = "max_files")
  private Integer maxFiles;

  @Column(name = "max_bytes")
  private Long maxBytes;

  @Column(name = "files_received", nullable = false)
  private int filesReceived;

  @Column(name = "bytes_received", nullable = false)
  private long bytesReceived;

  protected Drop() {}

  public Drop(
      String id,
      String keyHash,
      Account owner,
      String createdBy,
      Instant createdAt,
      Terms terms,
      Integer maxFiles,
      Long maxBytes) {
    super(id, keyHash, createdBy, createdAt, terms);
    this.owner = Objects.requireNonNull(owner);
    this.maxFiles = maxFiles;
    this.maxBytes = maxBytes;
  }

  public Account owner() {
    return owner;
  }

  public Integer maxFiles() {
    return maxFiles;
  }

  public Long maxBytes() {
    return maxBytes;
  }

  public int filesReceived() {
    return filesReceived;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  /** Files it may still take, or empty for no limit. */
  public OptionalLong filesLeft() {
    return maxFiles == null
        ? OptionalLong.empty()
        : OptionalLong.of(Math.max(0, maxFiles - filesReceived));
  }

  /** Bytes it may still take, or empty for no limit. */
  public OptionalLong bytesLeft() {
    return maxBytes == null
        ? OptionalLong.empty()
        : OptionalLong.of(Math.max(0, maxBytes - bytesReceived));
  }

  public boolean isFull() {
    return filesLeft().orElse(1) == 0 || bytesLeft().orElse(1) == 0;
  }
}
