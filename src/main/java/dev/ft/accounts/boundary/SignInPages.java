package dev.ft.accounts.boundary;

/**
 * The pages a browser signs in to with a form. Who is signed in is this room's to know; where those
 * pages live is for the room that serves them to say, by providing this.
 */
public interface SignInPages {
  /** Whether {@code path}, within the application, is one of the pages. */
  boolean covers(String path);

  /** Where a stranger to the pages is sent to sign in, within the application. */
  String signInPath();
}
