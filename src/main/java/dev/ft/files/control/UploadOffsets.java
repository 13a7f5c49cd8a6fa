package dev.ft.files.control;

import dev.ft.files.entity.ResumableUpload;
import dev.ft.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Moves a resumable upload's offset, in a transaction of its own: once the bytes are on disk, and
 * only from the offset the piece started at, so two nodes can never both move it.
 */
@ApplicationScoped
public class UploadOffsets {

  @PersistenceContext EntityManager em;

  @Transactional
  public void move(String id, long from, long to) {
    int moved =
        em.createNamedQuery(ResumableUpload.MOVE_OFFSET)
            .setParameter("id", id)
            .setParameter("from", from)
            .setParameter("to", to)
            .executeUpdate();
    if (moved != 1) {
      throw DomainException.conflict("the upload moved on meanwhile; ask for its offset again");
    }
  }
}
