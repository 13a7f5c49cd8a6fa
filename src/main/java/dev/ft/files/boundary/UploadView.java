package dev.ft.files.boundary;

import dev.ft.files.entity.Collisions;
import dev.ft.files.entity.ResumableUpload;
import java.time.Instant;
import java.util.List;

/** An unfinished resumable upload as its owner and admins see it. */
public record UploadView(
    String id,
    String owner,
    String name,
    String createdBy,
    long offset,
    long length,
    String visibility,
    boolean overwrite,
    Instant createdAt,
    Instant expiresAt) {

  static UploadView of(ResumableUpload upload) {
    return new UploadView(
        upload.id(),
        upload.owner().username(),
        upload.fileName(),
        upload.createdBy(),
        upload.offset(),
        upload.length(),
        upload.visibility().wireName(),
        upload.collisions() == Collisions.REPLACE,
        upload.createdAt(),
        upload.expiresAt());
  }

  static List<UploadView> of(List<ResumableUpload> uploads) {
    return uploads.stream().map(UploadView::of).toList();
  }
}
