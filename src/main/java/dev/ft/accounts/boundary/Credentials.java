package dev.ft.accounts.boundary;

/** The body of register and login requests. */
public record Credentials(String username, String password) {}
