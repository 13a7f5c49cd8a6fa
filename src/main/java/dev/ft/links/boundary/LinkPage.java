package dev.ft.links.boundary;

import dev.ft.files.control.HumanBytes;
import dev.ft.links.entity.ShareLink;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the link page shows, ready for the JSP. */
public record LinkPage(
    String fileName,
    String size,
    String expires,
    boolean hasPassword,
    String note,
    String downloadPath) {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  static LinkPage of(ShareLink link, String pagePath) {
    String base =
        pagePath.endsWith("/download") ? pagePath.substring(0, pagePath.length() - 9) : pagePath;
    return new LinkPage(
        link.file().name(),
        HumanBytes.format(link.file().size()),
        WHEN.format(link.expiresAt()),
        link.hasPassword(),
        link.note(),
        base + "/download");
  }
}
