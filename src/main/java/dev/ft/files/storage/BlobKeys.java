package dev.ft.files.storage;

import java.nio.file.NoSuchFileException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The keys of stored blobs, the same in every store: {@code <owner>/<uuid>}. They are generated,
 * never derived from user input, so no request can name a path or an object.
 */
final class BlobKeys {
  private static final Pattern OWNER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}/[0-9a-f-]{36}");

  private BlobKeys() {}

  /** A new key for a blob of {@code owner}. */
  static String fresh(String owner) {
    if (!OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("Not a storage owner name: " + owner);
    }
    return owner + "/" + UUID.randomUUID();
  }

  /** The key itself when it is one a store could have made; gone otherwise. */
  static String require(String key) throws NoSuchFileException {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new NoSuchFileException(String.valueOf(key));
    }
    return key;
  }
}
