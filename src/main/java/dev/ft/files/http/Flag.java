package dev.ft.files.http;

import dev.ft.platform.DomainException;

/** A yes-or-no option as a request writes it: {@code true}, {@code false}, or present and empty. */
public final class Flag {
  private Flag() {}

  /** False when absent; a bare {@code ?overwrite} means true, as on a form. */
  public static boolean parse(String name, String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true") || value.isEmpty()) {
      return true;
    }
    throw DomainException.invalid(name + " must be true or false");
  }
}
