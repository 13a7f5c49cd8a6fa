package dev.ft.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Declares the application's connection pool; {@link ConfiguredDataSource} knows where it points. */
@DataSourceDefinition(
    name = DataSourceDeclaration.JNDI_NAME,
    className = "dev.ft.platform.ConfiguredDataSource",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 32,
    maxIdleTime = 300)
@ApplicationScoped
public class DataSourceDeclaration {
  public static final String JNDI_NAME = "java:app/jdbc/ft";
}
