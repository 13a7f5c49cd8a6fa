package dev.ft.audit.entity;

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

/**
 * One thing that happened. Names are copied, not referenced, so the trail outlives the users and
 * files it speaks of.
 */
@Entity
@Table(name = "audit_events")
@NamedQuery(name = AuditEvent.NEWEST, query = "SELECT e FROM AuditEvent e ORDER BY e.id DESC")
@NamedQuery(
    name = AuditEvent.NEWEST_OF_USER,
    query =
        "SELECT e FROM AuditEvent e WHERE e.actor = :user OR e.ownerName = :user ORDER BY e.id"
            + " DESC")
public class AuditEvent {
  public static final String NEWEST = "AuditEvent.newest";
  public static final String NEWEST_OF_USER = "AuditEvent.newestOfUser";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "at_millis", nullable = false)
  private Instant at;

  @Column(name = "actor", nullable = false, length = 64)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, length = 32)
  private AuditAction action;

  @Column(name = "owner_name", length = 32)
  private String ownerName;

  @Column(name = "file_name", length = 255)
  private String fileName;

  @Column(name = "detail", length = 1000)
  private String detail;

  protected AuditEvent() {}

  public AuditEvent(
      Instant at,
      String actor,
      AuditAction action,
      String ownerName,
      String fileName,
      String detail) {
    this.at = Objects.requireNonNull(at);
    this.actor = Objects.requireNonNull(actor);
    this.action = Objects.requireNonNull(action);
    this.ownerName = ownerName;
    this.fileName = fileName;
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public AuditAction action() {
    return action;
  }

  public String ownerName() {
    return ownerName;
  }

  public String fileName() {
    return fileName;
  }

  public String detail() {
    return detail;
  }
}
