package dev.ft.files.boundary;

import dev.ft.files.control.ContentTypes;
import dev.ft.files.control.ResumableUploads;
import dev.ft.files.entity.ResumableUpload;
import dev.ft.platform.DomainException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One tus request as every tus endpoint reads it (an account's uploads, a drop's), and the answers
 * they give: the protocol's headers in one place, whoever the sender is.
 */
public final class TusExchange {
  private final HttpHeaders headers;

  public TusExchange(HttpHeaders headers) {
    this.headers = headers;
  }

  /** {@code Upload-Length}; a length given later is not supported. */
  public long length() {
    if (headers.getHeaderString("Upload-Defer-Length") != null) {
      throw DomainException.invalid("Upload-Defer-Length is not supported: send Upload-Length");
    }
    return TusHeaders.bytes("Upload-Length", headers.getHeaderString("Upload-Length"));
  }

  public Map<String, String> metadata() {
    return TusHeaders.metadata(headers.getHeaderString("Upload-Metadata"));
  }

  /** The file's name, which {@code Upload-Metadata} must carry as {@code filename}. */
  public static String fileName(Map<String, String> metadata) {
    String name = metadata.get("filename");
    if (name == null) {
      throw DomainException.invalid("Upload-Metadata must carry the file's name as 'filename'");
    }
    return name;
  }

  public static String contentType(Map<String, String> metadata, String name) {
    return ContentTypes.decide(metadata.get("filetype"), name);
  }

  public long offset() {
    return TusHeaders.bytes("Upload-Offset", headers.getHeaderString("Upload-Offset"));
  }

  public Optional<String> checksum() {
    return TusHeaders.sha256Of(headers.getHeaderString("Upload-Checksum"));
  }

  /** Whether the body is bytes of the upload (a creation that carries its first piece). */
  public boolean carriesBytes() {
    MediaType type = headers.getMediaType();
    return type != null
        && type.getType().equals("application")
        && type.getSubtype().equals("offset+octet-stream");
  }

  /** A {@code PATCH} body must be bytes of the upload. */
  public void requireBytes() {
    if (!carriesBytes()) {
      throw new DomainException(
          DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported media type",
          "a PATCH must be sent as Content-Type: " + TusHeaders.OFFSET_STREAM);
    }
  }

  /** 201 for a new upload at {@code location}, holding {@code offset} bytes already. */
  public static Response created(URI location, ResumableUpload upload, long offset) {
    return Response.created(location)
        .header("Upload-Expires", TusHeaders.date(upload.expiresAt()))
        .header("Upload-Offset", offset)
        .build();
  }

  /** The answer to {@code HEAD}: how far the upload is. */
  public static Response offsetOf(ResumableUpload upload) {
    return Response.ok()
        .header("Upload-Offset", upload.offset())
        .header("Upload-Length", upload.length())
        .header("Upload-Expires", TusHeaders.date(upload.expiresAt()))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The answer to a piece: the offset it reached. */
  public static Response appended(ResumableUploads.Progress progress) {
    return Response.noContent()
        .header("Upload-Offset", progress.offset())
        .header("Upload-Expires", TusHeaders.date(progress.upload().expiresAt()))
        .build();
  }
}
