package dev.ft.files.control;

import java.net.URLConnection;
import java.util.Locale;

/**
 * Decides a stored file's media type: the one the client declared, unless it only says "bytes" or
 * is a form encoding some tools send by default; then a guess from the name.
 */
public final class ContentTypes {
  public static final String OCTET_STREAM = "application/octet-stream";

  private ContentTypes() {}

  public static String decide(String declared, String fileName) {
    String type = declared == null ? "" : declared.strip();
    String base = type.toLowerCase(Locale.ROOT);
    int semicolon = base.indexOf(';');
    if (semicolon >= 0) {
      base = base.substring(0, semicolon).strip();
    }
    boolean meaningful =
        !base.isEmpty()
            && !base.equals(OCTET_STREAM)
            && !base.equals("application/x-www-form-urlencoded")
            && !base.startsWith("multipart/")
            && type.length() <= 255
            && base.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")
            && type.chars().noneMatch(c -> c < 0x20 || c > 0x7e);
    if (meaningful) {
      return type;
    }
    String guessed = URLConnection.getFileNameMap().getContentTypeFor(fileName);
    return guessed != null ? guessed : OCTET_STREAM;
  }
}
