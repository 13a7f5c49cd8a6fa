package dev.ft.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** The cluster on one folder both nodes write to, as they would an NFS mount. */
class SharedFolderClusterIT extends ClusterIT {
  private Path folder;

  @Override
  Map<String, String> startStore(Path dir) throws IOException {
    folder = Files.createDirectories(dir);
    return Map.of(
        "FT_STORAGE",
        "filesystem",
        "FT_STORAGE_DIR",
        folder.toString(),
        "FT_STORAGE_SHARED",
        "true");
  }

  @Override
  void stopStore() {}

  /** Pending files: an upload's bytes before they are promoted under the file's key. */
  @Override
  int unfinishedUploads() throws IOException {
    try (Stream<Path> pending = Files.list(folder.resolve("tmp"))) {
      return (int) pending.count();
    }
  }
}
