package dev.ft.files.control;

import dev.ft.accounts.entity.Account;
import dev.ft.files.entity.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** How many files and bytes each account holds, for the admins' overview. */
@ApplicationScoped
public class AccountUsage {

  @PersistenceContext EntityManager em;

  /** One account with its totals. */
  public record Usage(Account account, long fileCount, long bytesUsed) {}

  public List<Usage> all() {
    return em.createNamedQuery(StoredFile.USAGE, Object[].class).getResultList().stream()
        .map(
            row ->
                new Usage(
                    (Account) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
        .toList();
  }
}
