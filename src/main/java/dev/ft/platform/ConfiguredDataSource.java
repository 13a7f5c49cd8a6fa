package dev.ft.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source class behind the application's pool ({@link DataSourceDeclaration}). It reads
 * {@link DatabaseSettings} itself, so the database password is never put into an annotation or a
 * server command where the runtime would log it, and one class serves H2 and MySQL alike.
 */
public class ConfiguredDataSource implements DataSource {
  private volatile DatabaseSettings settings;
  private volatile Driver driver;
  private PrintWriter logWriter;
  private int loginTimeout;

  @Override
  public Connection getConnection() throws SQLException {
    DatabaseSettings s = settings();
    Properties props = new Properties();
    if (!s.user().isEmpty()) {
      props.setProperty("user", s.user());
    }
    props.setProperty("password", s.password());
    Connection connection = driver().connect(s.url(), props);
    if (connection == null) {
      throw new SQLException("No JDBC driver accepts the configured database URL");
    }
    return connection;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  private DatabaseSettings settings() {
    DatabaseSettings s = settings;
    if (s == null) {
      s = DatabaseSettings.fromConfig();
      settings = s;
    }
    return s;
  }

  private Driver driver() throws SQLException {
    Driver d = driver;
    if (d == null) {
      String className = settings().isMySql() ? "com.mysql.cj.jdbc.Driver" : "org.h2.Driver";
      try {
        d =
            (Driver)
                Class.forName(className, true, ConfiguredDataSource.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
      } catch (ReflectiveOperationException e) {
        throw new SQLException("JDBC driver " + className + " is not available", e);
      }
      driver = d;
    }
    return d;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
