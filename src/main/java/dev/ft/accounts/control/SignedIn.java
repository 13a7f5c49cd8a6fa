package dev.ft.accounts.control;

import java.io.Serializable;

/**
 * One admin-page session as every node sees it: who signed in, a fingerprint of the password hash
 * it was opened with (a password change ends it), and a notice waiting to be shown once. Shared
 * across nodes, so it travels in Java serialisation; it holds no secret.
 */
public record SignedIn(String username, String passwordFingerprint, String notice)
    implements Serializable {

  public SignedIn withNotice(String text) {
    return new SignedIn(username, passwordFingerprint, text);
  }
}
