package dev.ft.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256: of a short text, what is stored or kept in place of a secret; of files as they pass. */
public final class Sha256 {
  private Sha256() {}

  /** The SHA-256 of {@code text}'s UTF-8 bytes, in lower-case hex. */
  public static String hex(String text) {
    MessageDigest sha256 = digest();
    sha256.update(text.getBytes(StandardCharsets.UTF_8));
    return hexOf(sha256);
  }

  /** Ends {@code sha256} and gives what it hashed in lower-case hex. */
  public static String hexOf(MessageDigest sha256) {
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** What a stream held: its SHA-256 in lower-case hex, and how many bytes it gave. */
  public record OfStream(String hex, long length) {}

  /** Reads {@code in} to its end, hashing; the caller closes it. */
  public static OfStream of(InputStream in) throws IOException {
    MessageDigest sha256 = digest();
    byte[] buffer = new byte[256 * 1024];
    long length = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      sha256.update(buffer, 0, n);
      length += n;
    }
    return new OfStream(hexOf(sha256), length);
  }

  /** A new SHA-256 digest; every JVM has one, so its absence is no case to handle. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
