package dev.ft.platform;

import dev.ft.accounts.control.AdminBootstrap;
import dev.ft.files.control.StorageJanitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Start-up work, in the order it must happen, before the first request is served: schema,
 * then the leftovers of a crash, then the bootstrap administrator.
 */
@ApplicationScoped
public class ApplicationStartup {

  @Inject DatabaseMigration migration;
  @Inject StorageJanitor janitor;
  @Inject AdminBootstrap adminBootstrap;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    migration.migrate();
    janitor.removeLeftovers();
    adminBootstrap.ensureAdminExists();
  }
}
