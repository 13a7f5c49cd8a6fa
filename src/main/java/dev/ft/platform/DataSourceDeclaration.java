package dev.ft.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's connection pool; {@link ConfiguredDataSource} knows where it points.
 * Connections are checked before they are handed out and, when one is found dead, all are dropped:
 * after the database restarts, the pool would otherwise keep serving connections to the server that
 * went away, and every request would fail until the server restarted.
 */
@DataSourceDefinition(
    name = DataSourceDeclaration.JNDI_NAME,
    className = "dev.ft.platform.ConfiguredDataSource",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = DataSourceDeclaration.MAX_POOL_SIZE,
    maxIdleTime = 300,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      // A client-side check (no round trip): a connection whose socket broke is marked closed.
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class DataSourceDeclaration {
  public static final String JNDI_NAME = "java:app/jdbc/ft";
  public static final int MAX_POOL_SIZE = 32;
}
