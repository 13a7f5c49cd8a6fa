package dev.ft.platform;

import dev.ft.accounts.control.AdminBootstrap;
import dev.ft.audit.control.AuditRetention;
import dev.ft.files.control.StorageJanitor;
import dev.ft.files.control.UploadExpiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

/**
 * Start-up work, in the order it must happen, before the first request is served: the application's
 * classes, the runtime's missing reason phrases, the schema, then the leftovers of a crash, then
 * the bootstrap administrator; and from then on the audit trail's retention and the expiry of
 * unfinished resumable uploads.
 */
@ApplicationScoped
public class ApplicationStartup {

  @Inject DatabaseMigration migration;
  @Inject StorageJanitor janitor;
  @Inject AdminBootstrap adminBootstrap;
  @Inject AuditRetention auditRetention;
  @Inject UploadExpiry uploadExpiry;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
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
}
