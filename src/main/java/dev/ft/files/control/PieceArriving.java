package dev.ft.files.control;

import dev.ft.platform.DomainException;
import dev.ft.platform.ProblemHeaders;
import java.util.Map;

/**
 * Another piece of the upload is arriving right now. Unlike the other 409s of an upload (another
 * offset, a name taken at the end) this one passes by itself, so it says when to ask again.
 */
final class PieceArriving extends DomainException implements ProblemHeaders {
  PieceArriving() {
    super(
        Kind.CONFLICT,
        "Conflict",
        "another piece of this upload is being sent right now; try again in a second");
  }

  @Override
  public Map<String, String> problemHeaders() {
    return Map.of("Retry-After", "1");
  }
}
