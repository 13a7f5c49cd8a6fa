package dev.ft.accounts.boundary;

import dev.ft.accounts.entity.Account;

/** An account as clients see it. */
public record AccountView(String username, String role) {
  public static AccountView of(Account account) {
    return new AccountView(account.username(), account.role().wireName());
  }
}
