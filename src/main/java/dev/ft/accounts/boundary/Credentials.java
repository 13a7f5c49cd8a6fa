package dev.ft.accounts.boundary;

import dev.ft.platform.DomainException;

/** The JSON body of register and login. */
public record Credentials(String username, String password) {

  /** The body with both members present; JSON-B leaves an absent body or member null. */
  static Credentials require(Credentials body) {
    if (body == null || body.username() == null || body.password() == null) {
      throw DomainException.invalid(
          "the body must be JSON {\"username\": \"…\", \"password\": \"…\"}");
    }
    return body;
  }
}
