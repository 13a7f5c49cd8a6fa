package dev.ft.files.entity;

import dev.ft.platform.DomainException;

/** Who may download a file besides its owner and the admins. */
public enum Visibility {
  /** Owner and admins only. */
  PRIVATE("private"),
  /** Every logged-in user. */
  SHARED("shared"),
  /** Anyone, without logging in. */
  PUBLIC("public");

  private final String wireName;

  Visibility(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Visibility fromWireName(String name) {
    for (Visibility v : values()) {
      if (v.wireName.equals(name)) {
        return v;
      }
    }
    throw DomainException.invalid("visibility must be \"private\", \"shared\" or \"public\"");
  }
}
