package dev.ft.links.control;

import dev.ft.platform.DomainException;

/** Files that would take a drop over its file or byte limit; nothing of them is stored. */
public class DropLimitExceeded extends DomainException {
  public DropLimitExceeded(String detail) {
    super(Kind.TOO_LARGE, "Over the drop's limit", detail);
  }
}
