package dev.ft.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the migrations shipped from {@code sql/}, and the Java ones.
 */
@ApplicationScoped
public class DatabaseMigration {
  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());
  private static final String MYSQL_TABLE_OPTIONS =
      "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

  @Resource(lookup = DataSourceDeclaration.JNDI_NAME)
  DataSource dataSource;

  public void migrate() {
    boolean mySql = DatabaseSettings.fromConfig().isMySql();
    MigrateResult result =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(Map.of("table_options", mySql ? MYSQL_TABLE_OPTIONS : ""))
            .javaMigrations(new NamesWithoutPadding(mySql))
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
