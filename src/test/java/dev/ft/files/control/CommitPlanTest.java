package dev.ft.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ft.files.entity.Collisions;
import dev.ft.platform.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitPlanTest {
  private final StorageLimits limits = new StorageLimits();

  {
    limits.maxFileSize = 200;
    limits.userQuota = 250;
  }

  /** The owner holds a.txt (100 bytes) and a (2).txt (30 bytes): 130 used. */
  private final Map<String, Long> stored = Map.of("a.txt", 100L, "a (2).txt", 30L);

  private List<String> plan(Collisions collisions, CommitPlan.Upload... uploads) {
    return CommitPlan.names(
        List.of(uploads), collisions, n -> Optional.ofNullable(stored.get(n)), limits, 130);
  }

  private static CommitPlan.Upload upload(String name, long size) {
    return new CommitPlan.Upload(name, size);
  }

  @Test
  void keepingBothNumbersPastEveryTakenNameOnDiskAndInTheSameCommit() {
    assertEquals(
        List.of("a (3).txt", "a (4).txt", "b.txt"),
        plan(Collisions.KEEP_BOTH, upload("a.txt", 1), upload("a.txt", 1), upload("b.txt", 1)));
  }

  @Test
  void refusingNamesTheFileThatExistsAndHowToReplaceIt() {
    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> plan(Collisions.REFUSE, upload("new.txt", 1), upload("a.txt", 1)));
    assertEquals(DomainException.Kind.CONFLICT, refused.kind());
    assertEquals(
        "a file named 'a.txt' exists; add ?overwrite=true to replace it", refused.getMessage());
  }

  @Test
  void aReplacedFileIsCountedOutOfTheQuota() {
    // 130 used, a.txt's 100 bytes replaced by 100, c.txt's 120 added: 250, exactly the quota
    assertEquals(
        List.of("a.txt", "c.txt"),
        plan(Collisions.REPLACE, upload("a.txt", 100), upload("c.txt", 120)));
    LimitExceeded overByOne =
        assertThrows(
            LimitExceeded.class,
            () -> plan(Collisions.REPLACE, upload("a.txt", 100), upload("c.txt", 121)));
    assertEquals(LimitExceeded.Limit.USER_QUOTA, overByOne.limit());
    LimitExceeded keptBoth =
        assertThrows(
            LimitExceeded.class,
            () -> plan(Collisions.KEEP_BOTH, upload("a.txt", 100), upload("c.txt", 120)));
    assertEquals(LimitExceeded.Limit.USER_QUOTA, keptBoth.limit(), "nothing replaced");
  }

  @Test
  void everyUploadOfACommitCountsTowardTheQuotaTogether() {
    assertEquals(List.of("x", "y"), plan(Collisions.REFUSE, upload("x", 60), upload("y", 60)));
    assertEquals(
        LimitExceeded.Limit.USER_QUOTA,
        assertThrows(
                LimitExceeded.class,
                () -> plan(Collisions.REFUSE, upload("x", 60), upload("y", 60), upload("z", 1)))
            .limit());
  }

  @Test
  void oneUploadOverTheMaximumSizeRefusesTheWholeCommit() {
    assertEquals(
        LimitExceeded.Limit.MAX_FILE_SIZE,
        assertThrows(
                LimitExceeded.class,
                () -> plan(Collisions.REPLACE, upload("small", 1), upload("a.txt", 201)))
            .limit());
  }
}
