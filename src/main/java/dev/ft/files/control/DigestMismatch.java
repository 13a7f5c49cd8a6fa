package dev.ft.files.control;

import dev.ft.platform.DomainException;

/**
 * Bytes that do not match the digest sent with them: a {@code Content-Digest} (400) or a tus {@code
 * Upload-Checksum} (460). Nothing of them is kept.
 */
public class DigestMismatch extends DomainException {
  DigestMismatch(Kind kind, String title, String detail) {
    super(kind, title, detail);
  }
}
