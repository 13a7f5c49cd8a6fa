package dev.ft.files.boundary;

/** The body of a visibility change: {@code {"visibility":"private|shared|public"}}. */
public record VisibilityChange(String visibility) {}
