package dev.ft.platform;

/** The two groups the identity stores hand out, mapped one-to-one onto roles. */
public final class Roles {
  public static final String USER = "user";
  public static final String ADMIN = "admin";

  private Roles() {}
}
