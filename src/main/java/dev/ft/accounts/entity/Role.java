package dev.ft.accounts.entity;

import dev.ft.platform.DomainException;
import dev.ft.platform.Roles;
import java.util.Locale;

/** An account's role; its wire name is also the Jakarta Security group it grants. */
public enum Role {
  USER(Roles.USER),
  ADMIN(Roles.ADMIN);

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Role fromWireName(String name) {
    if (name != null) {
      for (Role role : values()) {
        if (role.wireName.equals(name.toLowerCase(Locale.ROOT))) {
          return role;
        }
      }
    }
    throw DomainException.invalid("role must be \"user\" or \"admin\"");
  }
}
