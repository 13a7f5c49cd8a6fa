package dev.ft.files.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The parts of a form upload, one after the other, as the boundary reads them off the wire. */
public interface FormParts {

  /** One part: the form field it fills, the file name its sender gave, its type and its bytes. */
  interface Part {
    String name();

    String filename();

    String contentType();

    InputStream body();
  }

  /**
   * The next part, once the previous one's body is read or left; empty after the last. An {@link
   * IOException} means the sender went away.
   */
  Optional<? extends Part> next() throws IOException;
}
