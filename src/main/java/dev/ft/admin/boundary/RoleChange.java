package dev.ft.admin.boundary;

/** The body of a role change: {@code {"role":"user|admin"}}. */
public record RoleChange(String role) {}
