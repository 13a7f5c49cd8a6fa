package dev.ft.accounts.boundary;

import dev.ft.platform.DomainException;

/** The JSON body of a password change. */
public record PasswordChange(String currentPassword, String newPassword) {

  static PasswordChange require(PasswordChange body) {
    if (body == null || body.currentPassword() == null || body.newPassword() == null) {
      throw DomainException.invalid(
          "the body must be JSON {\"currentPassword\": \"…\", \"newPassword\": \"…\"}");
    }
    return body;
  }
}
