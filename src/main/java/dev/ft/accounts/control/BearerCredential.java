package dev.ft.accounts.control;

import jakarta.security.enterprise.credential.Credential;

/** A token from {@code Authorization: Bearer …}, checked by {@link TokenIdentityStore}. */
public record BearerCredential(String token) implements Credential {}
