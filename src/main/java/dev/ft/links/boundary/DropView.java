package dev.ft.links.boundary;

import dev.ft.links.entity.Drop;
import java.time.Instant;
import java.util.List;

/** A drop as its owner and admins see it; {@code url} only in the answer that creates it. */
public record DropView(
    String id,
    String url,
    String owner,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Integer maxFiles,
    Long maxBytes,
    int filesReceived,
    long bytesReceived,
    boolean hasPassword,
    List<String> allowFrom,
    String note) {

  static DropView of(Drop drop, String url) {
    return new DropView(
        drop.id(),
        url,
        drop.owner().username(),
        drop.createdBy(),
        drop.createdAt(),
        drop.expiresAt(),
        drop.maxFiles(),
        drop.maxBytes(),
        drop.filesReceived(),
        drop.bytesReceived(),
        drop.hasPassword(),
        drop.allowFrom(),
        drop.note());
  }

  static List<DropView> of(List<Drop> drops) {
    return drops.stream().map(drop -> of(drop, null)).toList();
  }
}
