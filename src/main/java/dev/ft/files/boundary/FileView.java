package dev.ft.files.boundary;

import dev.ft.files.entity.StoredFile;
import java.time.Instant;
import java.util.List;

/** A file's metadata as clients see it. */
public record FileView(
    String owner,
    String name,
    long size,
    String sha256,
    String contentType,
    String visibility,
    Instant createdAt) {

  public static FileView of(StoredFile file) {
    return new FileView(
        file.owner().username(),
        file.name(),
        file.size(),
        file.sha256(),
        file.contentType(),
        file.visibility().wireName(),
        file.createdAt());
  }

  public static List<FileView> of(List<StoredFile> files) {
    return files.stream().map(FileView::of).toList();
  }
}
