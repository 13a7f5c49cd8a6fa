package dev.ft.audit.control;

import dev.ft.audit.entity.AuditAction;
import dev.ft.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes and reads the audit trail. A record joins the caller's transaction when there is one, so
 * an event is kept exactly when the change it describes is.
 */
@ApplicationScoped
public class AuditLog {
  public static final int MAX_LIMIT = 1000;

  /** Who acts when nobody logged in. */
  public static final String ANONYMOUS = "anonymous";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Transactional
  public void record(
      String actor, AuditAction action, String owner, String fileName, String detail) {
    em.persist(new AuditEvent(clock.instant(), actor, action, owner, fileName, detail));
  }

  /** Removes the events from before {@code cutoff}; answers how many. */
  @Transactional
  public int removeOlderThan(Instant cutoff) {
    return em.createNativeQuery("DELETE FROM audit_events WHERE at_millis < ?1")
        .setParameter(1, cutoff.toEpochMilli())
        .executeUpdate();
  }

  public List<AuditEvent> newest(int limit, String user) {
    var query =
        user == null
            ? em.createNamedQuery(AuditEvent.NEWEST, AuditEvent.class)
            : em.createNamedQuery(AuditEvent.NEWEST_OF_USER, AuditEvent.class)
                .setParameter("user", user);
    return query.setMaxResults(Math.min(limit, MAX_LIMIT)).getResultList();
  }
}
