package dev.ft.files.control;

import dev.ft.files.storage.ClientGone;
import dev.ft.monitoring.control.TransferMetrics.Outcome;
import dev.ft.platform.DomainException;

/** How an upload that threw ended, as the metrics count it. */
final class UploadOutcomes {
  private UploadOutcomes() {}

  static Outcome of(RuntimeException e) {
    if (e instanceof ClientGone) {
      return Outcome.CLIENT_GONE;
    }
    if (e instanceof DigestMismatch) {
      return Outcome.DIGEST_MISMATCH;
    }
    if (e instanceof DomainException refused
        && refused.kind() != DomainException.Kind.INSUFFICIENT_STORAGE
        && refused.kind() != DomainException.Kind.UNAVAILABLE) {
      return Outcome.REFUSED;
    }
    return Outcome.ERROR;
  }
}
