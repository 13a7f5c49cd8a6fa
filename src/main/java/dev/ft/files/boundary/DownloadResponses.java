package dev.ft.files.boundary;

import dev.ft.files.control.ByteRange;
import dev.ft.files.control.ContentDigest;
import dev.ft.files.control.Downloads;
import dev.ft.files.control.FileStore;
import dev.ft.files.entity.StoredFile;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Shapes a {@link Downloads.Download} into an HTTP answer: headers, status and streamed bytes. */
final class DownloadResponses {
  private static final int BUFFER_SIZE = 64 * 1024;

  private DownloadResponses() {}

  static Response of(Downloads.Download download) {
    StoredFile file = download.file();
    if (download.notModified()) {
      return Response.notModified().tag(new jakarta.ws.rs.core.EntityTag(file.sha256())).build();
    }
    ByteRange range = download.range().orElse(new ByteRange(0, file.size() - 1));
    Response.ResponseBuilder response = download.range().isPresent()
        ? Response.status(206).header("Content-Range", range.contentRange(file.size()))
        : Response.ok();
    response
        .header("Content-Type", file.contentType())
        .header("Content-Length", range.length())
        .header("ETag", download.etag())
        .header("Last-Modified", Date.from(file.createdAt()))
        .header("Accept-Ranges", "bytes")
        .header("Repr-Digest", ContentDigest.headerFor(file.sha256()))
        .header("Content-Disposition", contentDisposition(file.name()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox");
    if (download.blob() != null) {
      response.entity(bytes(download.blob(), range.first(), range.length()));
    }
    return response.build();
  }

  private static StreamingOutput bytes(FileStore.OpenBlob blob, long first, long length) {
    return out -> {
      try (blob) {
        copy(blob.channel(), first, length, out);
      }
    };
  }

  private static void copy(FileChannel channel, long first, long length, OutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_SIZE, Math.max(1, length)));
    long position = first;
    long remaining = length;
    while (remaining > 0) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new IOException("The stored file is shorter than its metadata says");
      }
      out.write(buffer.array(), 0, n);
      position += n;
      remaining -= n;
    }
  }

  /** RFC 6266: an ASCII fallback name plus the exact name as UTF-8 in {@code filename*}. */
  static String contentDisposition(String name) {
    StringBuilder fallback = new StringBuilder();
    name.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
        ? (char) c : '_'));
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}
