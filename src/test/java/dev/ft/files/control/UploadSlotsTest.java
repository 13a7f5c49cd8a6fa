package dev.ft.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ft.platform.RetryLater;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {
  private final UploadSlots cut = new UploadSlots();

  {
    cut.maxPerUser = 2;
  }

  @Test
  void aCallerHoldsAtMostTheLimitAndGetsSlotsBackWhenDone() {
    UploadSlots.Slot first = cut.take("alice");
    UploadSlots.Slot second = cut.take("alice");
    RetryLater refused = assertThrows(RetryLater.class, () -> cut.take("alice"));
    assertEquals("5", refused.problemHeaders().get("Retry-After"));
    cut.take("bob").close(); // others are not held up
    first.close();
    cut.take("alice").close();
    second.close();
  }
}
