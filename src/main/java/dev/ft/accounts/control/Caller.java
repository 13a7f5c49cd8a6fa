package dev.ft.accounts.control;

import dev.ft.accounts.entity.Role;

/** Who a valid token speaks for, as much as authorisation needs. */
public record Caller(String username, Role role) {}
