package dev.ft.files.control;

import dev.ft.files.entity.Collisions;
import dev.ft.files.entity.FileName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of one commit, apart from the database: which name each upload takes, and whether the
 * owner stays inside the limits once the files it replaces are counted out. A commit writes nothing
 * until they hold for every upload in it.
 */
final class CommitPlan {
  /** An upload as the rules see it: the name asked for and the bytes received. */
  record Upload(String name, long size) {}

  private CommitPlan() {}

  /**
   * The name each upload takes, in order. {@code storedSize} is the size of the owner's file of a
   * name, when there is one; {@code used} the bytes the owner holds before this commit.
   */
  static List<String> names(
      List<Upload> uploads,
      Collisions collisions,
      Function<String, Optional<Long>> storedSize,
      StorageLimits limits,
      long used) {
    List<String> names = new ArrayList<>();
    long growth = 0;
    for (Upload upload : uploads) {
      String name =
          collisions == Collisions.KEEP_BOTH
              ? freeName(upload.name(), names, storedSize)
              : upload.name();
      Optional<Long> replaced = storedSize.apply(name);
      if (replaced.isPresent() && collisions == Collisions.REFUSE) {
        throw FileCatalog.nameTaken(name);
      }
      names.add(name);
      growth += upload.size() - replaced.orElse(0L);
      limits.checkFileSize(upload.size());
    }
    limits.checkQuota(growth, used);
    return names;
  }

  /**
   * {@code name} if the owner has no such file and this commit takes it for no other, else the
   * first free of {@code name (2).ext}, {@code name (3).ext}, …
   */
  private static String freeName(
      String name, List<String> takenNow, Function<String, Optional<Long>> storedSize) {
    String candidate = name;
    for (int n = 2; takenNow.contains(candidate) || storedSize.apply(candidate).isPresent(); n++) {
      candidate = FileName.numbered(name, n);
    }
    return candidate;
  }
}
