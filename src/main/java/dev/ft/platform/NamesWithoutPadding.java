package dev.ft.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 2, on MySQL and MariaDB: usernames and file names compare without padding. {@code
 * utf8mb4_bin} is a PAD SPACE collation, so {@code "report.txt "} equalled {@code "report.txt"}: a
 * PUT of the one replaced the other. MySQL 8 calls its binary NO PAD collation {@code
 * utf8mb4_0900_bin}, MariaDB {@code utf8mb4_nopad_bin}; H2 never pads and is left alone.
 */
class NamesWithoutPadding extends BaseJavaMigration {
  private static final String[] NO_PAD_COLLATIONS = {"utf8mb4_0900_bin", "utf8mb4_nopad_bin"};

  private final boolean mySql;

  NamesWithoutPadding(boolean mySql) {
    this.mySql = mySql;
  }

  @Override
  protected void init() {
    // version and description are given below, not read from the class name
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "names without padding";
  }

  @Override
  public void migrate(Context context) throws SQLException {
    if (!mySql) {
      return;
    }
    Connection connection = context.getConnection();
    String collation = noPadCollation(connection);
    String text = " CHARACTER SET utf8mb4 COLLATE " + collation;
    try (Statement sql = connection.createStatement()) {
      sql.execute(
          "ALTER TABLE accounts MODIFY username VARCHAR(32)"
              + text
              + " NOT NULL,"
              + " MODIFY username_key VARCHAR(32)"
              + text
              + " NOT NULL");
      sql.execute("ALTER TABLE files MODIFY name VARCHAR(255)" + text + " NOT NULL");
      sql.execute(
          "ALTER TABLE audit_events MODIFY owner_name VARCHAR(32)"
              + text
              + ","
              + " MODIFY file_name VARCHAR(255)"
              + text);
    }
  }

  private static String noPadCollation(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet found =
            sql.executeQuery(
                "SELECT COLLATION_NAME FROM information_schema.COLLATIONS"
                    + " WHERE COLLATION_NAME IN ('"
                    + String.join("','", NO_PAD_COLLATIONS)
                    + "')")) {
      if (found.next()) {
        return found.getString(1);
      }
    }
    throw new SQLException(
        "This database has no binary NO PAD collation for utf8mb4 (looked for "
            + String.join(", ", NO_PAD_COLLATIONS)
            + "); MySQL 8 or MariaDB 10.2 and later have one");
  }
}
