package dev.ft.links.boundary;

import dev.ft.links.entity.ShareLink;
import java.time.Instant;
import java.util.List;

/**
 * A share link as its owner and admins see it. {@code url} carries the secret key, so it is in the
 * answer that creates the link and nowhere else: the server keeps only the key's hash.
 */
public record LinkView(
    String id,
    String url,
    String owner,
    String file,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Integer maxDownloads,
    int downloads,
    boolean hasPassword,
    List<String> allowFrom,
    String note) {

  static LinkView of(ShareLink link, String url) {
    return new LinkView(
        link.id(),
        url,
        link.file().owner().username(),
        link.file().name(),
        link.createdBy(),
        link.createdAt(),
        link.expiresAt(),
        link.maxDownloads(),
        link.downloads(),
        link.hasPassword(),
        link.allowFrom(),
        link.note());
  }

  static List<LinkView> of(List<ShareLink> links) {
    return links.stream().map(link -> of(link, null)).toList();
  }
}
