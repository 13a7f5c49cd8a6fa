package dev.ft.admin.boundary;

import dev.ft.accounts.entity.Role;
import dev.ft.platform.DomainException;

/** The body of an admin's account creation: {@code {"username", "password", "role"?}}. */
public record NewUser(String username, String password, String role) {

  static NewUser require(NewUser body) {
    if (body == null || body.username() == null || body.password() == null) {
      throw DomainException.invalid(
          "the body must be JSON {\"username\": \"…\", \"password\": \"…\", \"role\":"
              + " \"user|admin\"} (role optional)");
    }
    return body;
  }

  Role roleOrUser() {
    return role == null ? Role.USER : Role.fromWireName(role);
  }
}
