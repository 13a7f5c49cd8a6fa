package dev.ft.files.boundary;

import dev.ft.files.control.ByteRange;
import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileCatalog;
import dev.ft.files.entity.StoredFile;
import dev.ft.files.http.ContentDigest;
import dev.ft.files.http.RequestConditions;
import dev.ft.monitoring.control.TransferMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Shapes a {@link Downloads.Download} into an HTTP answer: headers, status and streamed bytes. */
public final class DownloadResponses {
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final String ATTR_CHAR_SYMBOLS = "!#$&+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private DownloadResponses() {}

  /** The answer to a GET or HEAD of one owner's file, as far as access lets the actor see it. */
  public static Response open(
      Downloads downloads,
      String actor,
      String owner,
      String name,
      FileCatalog.Access access,
      HttpServletRequest request) {
    return of(downloads.open(actor, owner, name, access, RequestConditions.of(request)), access);
  }

  /**
   * Only a public download may be kept by a shared cache, and it must ask again before reuse (the
   * file can be replaced or made private); whatever needed a login stays in the caller's own.
   */
  public static Response of(Downloads.Download download, FileCatalog.Access access) {
    StoredFile file = download.file();
    String cacheControl = access == FileCatalog.Access.PUBLIC ? "public, no-cache" : "private";
    if (download.notModified()) {
      return Response.notModified()
          .tag(new jakarta.ws.rs.core.EntityTag(file.sha256()))
          .header("Cache-Control", cacheControl)
          .build();
    }
    ByteRange range = download.range().orElse(new ByteRange(0, file.size() - 1));
    Response.ResponseBuilder response =
        download.range().isPresent()
            ? Response.status(206).header("Content-Range", range.contentRange(file.size()))
            : Response.ok();
    response
        .header("Content-Type", file.contentType())
        .header("Content-Length", range.length())
        .header("ETag", download.etag())
        .header("Last-Modified", Date.from(file.createdAt()))
        .header("Accept-Ranges", "bytes")
        .header("Cache-Control", cacheControl)
        .header("Repr-Digest", ContentDigest.headerFor(file.sha256()))
        .header("Content-Disposition", contentDisposition(file.name()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox");
    if (download.body() != null) {
      response.entity(bytes(download.body(), range.length(), download.transfers()));
    }
    return response.build();
  }

  /**
   * The bytes, counted as they go; a write that fails is the client gone, anything else that fails
   * is the server's error.
   */
  private static StreamingOutput bytes(InputStream body, long length, TransferMetrics transfers) {
    return out -> {
      TransferMetrics.Download sending = transfers.download();
      TransferMetrics.Outcome outcome = TransferMetrics.Outcome.ERROR;
      try (body) {
        copy(body, length, out, sending);
        outcome = TransferMetrics.Outcome.COMPLETE;
      } catch (ClientWentAway e) {
        outcome = TransferMetrics.Outcome.CLIENT_GONE;
        throw e.getCause();
      } finally {
        sending.end(outcome);
      }
    };
  }

  private static void copy(
      InputStream body, long length, OutputStream out, TransferMetrics.Download sending)
      throws IOException, ClientWentAway {
    byte[] buffer = new byte[(int) Math.min(BUFFER_SIZE, Math.max(1, length))];
    long remaining = length;
    while (remaining > 0) {
      int n = body.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new IOException("The stored file is shorter than its metadata says");
      }
      try {
        out.write(buffer, 0, n);
      } catch (IOException e) {
        throw new ClientWentAway(e);
      }
      sending.sent(n);
      remaining -= n;
    }
  }

  /** A write to the connection failed: the client is gone. */
  private static final class ClientWentAway extends Exception {
    ClientWentAway(IOException cause) {
      super(cause.getMessage(), cause, false, false);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  /** RFC 6266: an ASCII fallback name plus the exact name as UTF-8 in {@code filename*}. */
  static String contentDisposition(String name) {
    StringBuilder fallback = new StringBuilder();
    name.codePoints()
        .forEach(
            c ->
                fallback.append(
                    c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc8187(name);
  }

  /** RFC 8187's value-chars: attr-chars as they are, every other byte of the UTF-8 as %XX. */
  static String rfc8187(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHAR_SYMBOLS.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
