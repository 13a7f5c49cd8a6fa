package dev.ft.files.storage;

import dev.ft.platform.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Tells a full disk (the client may retry elsewhere or later) from other storage faults. */
public final class StorageFailures {
  private StorageFailures() {}

  public static RuntimeException of(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left") || message.contains("Disk quota exceeded")) {
      return new DomainException(
          DomainException.Kind.INSUFFICIENT_STORAGE,
          "Insufficient storage",
          "The server has no room left for this upload; nothing was stored.");
    }
    return new UncheckedIOException("Storage failed", e);
  }
}
