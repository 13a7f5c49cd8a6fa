package dev.ft.accounts.boundary;

import java.time.Instant;

/** The answer to a successful login: the token is shown this once. */
public record LoginView(String token, Instant expiresAt, String username, String role) {}
