package dev.ft.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.platform.RetryLater;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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

  @Test
  void acrossTheClusterEveryNodesSlotsCountAndANodeGoneHoldsNone() {
    Map.Entry<String, HashMap<String, Integer>> alice =
        new AbstractMap.SimpleEntry<>("alice", null);
    Set<String> both = Set.of("a", "b");
    assertTrue(new UploadSlots.Take("a", both, 2).process(alice));
    assertTrue(new UploadSlots.Take("b", both, 2).process(alice));
    assertFalse(new UploadSlots.Take("a", both, 2).process(alice), "one on each node is two");

    assertTrue(new UploadSlots.Take("a", Set.of("a"), 2).process(alice), "b died, and its slot");
    assertEquals(Map.of("a", 2), alice.getValue());
    new UploadSlots.Release("a").process(alice);
    new UploadSlots.Release("a").process(alice);
    assertNull(alice.getValue(), "no slot held, nothing kept");
  }
}
