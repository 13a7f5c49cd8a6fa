package dev.ft.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON bodies are small (credentials, a visibility, a role): more than 64 KiB is refused with
 * 413 before it is read into memory, announced or not.
 */
@Provider
public class JsonBodyLimit implements ContainerRequestFilter {
  static final int MAX_BYTES = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
      return;
    }
    if (request.getLength() > MAX_BYTES) {
      throw tooLarge();
    }
    request.setEntityStream(new Limited(request.getEntityStream()));
  }

  static DomainException tooLarge() {
    return new DomainException(DomainException.Kind.TOO_LARGE, "Body too large",
        "A JSON body can be at most " + MAX_BYTES + " bytes.");
  }

  /** Counts what is read and stops past the limit. */
  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw tooLarge();
      }
    }
  }
}
