package dev.ft.platform;

import dev.ft.accounts.control.AdminBootstrap;
import dev.ft.audit.control.AuditRetention;
import dev.ft.files.control.UploadExpiry;
import dev.ft.files.storage.StorageJanitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Start-up work, in the order it must happen, before the first request is served: the application's
 * classes, the runtime's missing reason phrases, the schema, then the leftovers of a crash, then
 * the bootstrap administrator; and from then on the audit trail's retention and the expiry of
 * unfinished resumable uploads.
 */
@ApplicationScoped
public class ApplicationStartup {
  private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

  @Inject DatabaseMigration migration;
  @Inject StorageJanitor janitor;
  @Inject AdminBootstrap adminBootstrap;
  @Inject AuditRetention auditRetention;
  @Inject UploadExpiry uploadExpiry;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    try {
      start(event);
    } catch (RuntimeException e) {
      refusalIn(e).ifPresent(ApplicationStartup::exit);
      throw e;
    }
  }

  private void start(Object event) {
    if (event instanceof ServletContext context) {
      ApplicationClasses.loadAll(context);
    }
    ReasonPhrases.register();
    migration.migrate();
    janitor.removeLeftovers();
    adminBootstrap.ensureAdminExists();
    auditRetention.start();
    uploadExpiry.start();
  }

  private static Optional<StartRefused> refusalIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StartRefused refused) {
        return Optional.of(refused);
      }
    }
    return Optional.empty();
  }

  /**
   * Payara Micro would stay up without the application, answering 404 to everything, and {@code
   * payara/serve} would restart it in vain; so the process ends, with status 78 (EX_CONFIG). The
   * exit runs on a thread of its own: the runtime's shutdown waits for this deployment to end.
   */
  private static void exit(StartRefused refused) {
    LOG.severe("ft: cannot start: " + refused.getMessage());
    Thread.ofPlatform().name("ft-start-refused").start(() -> System.exit(78));
  }
}
