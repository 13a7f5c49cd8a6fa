package dev.ft.files.entity;

import dev.ft.accounts.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A resumable upload that has not finished: its target name and terms, and how many of its bytes
 * the server holds. Every byte below {@link #offset()} is on disk.
 */
@Entity
@Table(name = "resumable_uploads")
@NamedQuery(
    name = ResumableUpload.OF_OWNER,
    query =
        "SELECT u FROM ResumableUpload u WHERE u.owner = :owner AND u.expiresAt > :now ORDER BY"
            + " u.createdAt")
@NamedQuery(
    name = ResumableUpload.ALL_OPEN,
    query =
        "SELECT u FROM ResumableUpload u JOIN FETCH u.owner WHERE u.expiresAt > :now ORDER BY"
            + " u.createdAt")
@NamedQuery(
    name = ResumableUpload.COUNT_OPEN_OF_OWNER,
    query = "SELECT COUNT(u) FROM ResumableUpload u WHERE u.owner = :owner AND u.expiresAt > :now")
@NamedQuery(
    name = ResumableUpload.BYTES_RESERVED_BY_OWNER,
    query =
        "SELECT COALESCE(SUM(u.length), 0) FROM ResumableUpload u WHERE u.owner = :owner AND"
            + " u.expiresAt > :now")
@NamedQuery(
    name = ResumableUpload.RESERVED_BY_ACTOR,
    query =
        "SELECT COUNT(u), COALESCE(SUM(u.length), 0) FROM ResumableUpload u WHERE u.createdBy ="
            + " :actor AND u.expiresAt > :now")
@NamedQuery(
    name = ResumableUpload.EXPIRED_IDS,
    query = "SELECT u.id FROM ResumableUpload u WHERE u.expiresAt <= :now")
@NamedQuery(
    name = ResumableUpload.IDS_BY_ACTOR,
    query = "SELECT u.id FROM ResumableUpload u WHERE u.createdBy = :actor")
@NamedQuery(name = ResumableUpload.ALL_IDS, query = "SELECT u.id FROM ResumableUpload u")
@NamedQuery(
    name = ResumableUpload.MOVE_OFFSET,
    query = "UPDATE ResumableUpload u SET u.offset = :to WHERE u.id = :id AND u.offset = :from")
public class ResumableUpload {
  public static final String OF_OWNER = "ResumableUpload.ofOwner";
  public static final String ALL_OPEN = "ResumableUpload.allOpen";
  public static final String COUNT_OPEN_OF_OWNER = "ResumableUpload.countOpenOfOwner";
  public static final String BYTES_RESERVED_BY_OWNER = "ResumableUpload.bytesReservedByOwner";
  public static final String RESERVED_BY_ACTOR = "ResumableUpload.reservedByActor";
  public static final String EXPIRED_IDS = "ResumableUpload.expiredIds";
  public static final String IDS_BY_ACTOR = "ResumableUpload.idsByActor";
  public static final String ALL_IDS = "ResumableUpload.allIds";
  public static final String MOVE_OFFSET = "ResumableUpload.moveOffset";

  @Id
  @Column(name = "id", length = 22)
  private String id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "owner_id")
  private Account owner;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 255)
  private String contentType;

  @Enumerated(EnumType.STRING)
  @Column(name = "visibility", nullable = false, length = 16)
  private Visibility visibility;

  @Enumerated(EnumType.STRING)
  @Column(name = "on_collision", nullable = false, length = 16)
  private Collisions collisions;

  @Column(name = "upload_length", nullable = false)
  private long length;

  @Column(name = "upload_offset", nullable = false)
  private long offset;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected ResumableUpload() {}

  /** What the client asked for at creation. */
  public record Target(
      String fileName,
      String contentType,
      Visibility visibility,
      Collisions collisions,
      long length) {
    public Target {
      FileName.require(fileName);
      Objects.requireNonNull(contentType);
      Objects.requireNonNull(visibility);
      Objects.requireNonNull(collisions);
      if (length < 0) {
        throw new IllegalArgumentException("negative length");
      }
    }
  }

  public ResumableUpload(
      String id, Account owner, String createdBy, Target target, Instant now, Instant expiresAt) {
    this.id = Objects.requireNonNull(id);
    this.owner = Objects.requireNonNull(owner);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.fileName = target.fileName();
    this.contentType = target.contentType();
    this.visibility = target.visibility();
    this.collisions = target.collisions();
    this.length = target.length();
    this.createdAt = Objects.requireNonNull(now);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  public String id() {
    return id;
  }

  public Account owner() {
    return owner;
  }

  public String createdBy() {
    return createdBy;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public Visibility visibility() {
    return visibility;
  }

  /** What finishing does if the name is taken by then. */
  public Collisions collisions() {
    return collisions;
  }

  public long length() {
    return length;
  }

  public long offset() {
    return offset;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public boolean isComplete() {
    return offset == length;
  }
}
