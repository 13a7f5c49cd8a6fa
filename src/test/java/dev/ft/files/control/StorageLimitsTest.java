package dev.ft.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StorageLimitsTest {
  private final StorageLimits cut = new StorageLimits();

  {
    cut.maxFileSize = 100;
    cut.userQuota = 250;
  }

  @Test
  void aFileFitsUpToTheMaximumSizeAndTheQuotaToTheByte() {
    cut.check(100, 150);
    assertEquals(
        LimitExceeded.Limit.MAX_FILE_SIZE,
        assertThrows(LimitExceeded.class, () -> cut.check(101, 0)).limit());
    assertEquals(
        LimitExceeded.Limit.USER_QUOTA,
        assertThrows(LimitExceeded.class, () -> cut.check(100, 151)).limit());
  }

  @Test
  void theRefusalNamesTheLimitAndItsValue() {
    LimitExceeded refused = assertThrows(LimitExceeded.class, () -> cut.checkQuota(1, 250));
    assertEquals(
        "The upload goes over the per-user quota of 250 bytes (250 B).", refused.getMessage());
  }
}
