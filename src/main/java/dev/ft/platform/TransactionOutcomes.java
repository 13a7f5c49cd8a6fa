package dev.ft.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;

/**
 * Runs work once the current transaction has ended, told whether it committed: for what must not
 * happen before the database holds the change (deleting bytes, forgetting cached answers).
 */
@ApplicationScoped
public class TransactionOutcomes {

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  /**
   * {@code action} receives true when the transaction committed; without one it runs now, with
   * true.
   */
  public void afterCompletion(Consumer<Boolean> action) {
    if (transactions.getTransactionKey() == null) {
      action.accept(true);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status == Status.STATUS_COMMITTED);
          }
        });
  }
}
