package dev.ft.files.storage;

import dev.ft.platform.DomainException;

/** An upload whose client went away, or broke it off, before all its bytes arrived. */
public class ClientGone extends DomainException {
  public ClientGone() {
    super(
        Kind.INVALID_INPUT,
        "Invalid request",
        "the upload was interrupted before all its bytes arrived; nothing was stored");
  }
}
