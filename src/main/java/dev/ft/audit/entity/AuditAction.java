package dev.ft.audit.entity;

/** What an audit event records; the wire name is what the audit API shows. */
public enum AuditAction {
  REGISTER("register"),
  UPLOAD("upload"),
  DOWNLOAD("download"),
  VISIBILITY("visibility"),
  DELETE("delete"),
  ROLE("role"),
  DELETE_USER("delete-user"),
  PASSWORD("password"),
  LOGIN_THROTTLED("login-throttled"),
  LINK("link"),
  UNLINK("unlink"),
  DROP("drop"),
  UNDROP("undrop");

  private final String wireName;

  AuditAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
