package dev.ft.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTextTest {
  private static final String URL_SAFE = "[A-Za-z0-9_-]+";

  /** A plain draw begins with '-' one time in 64, so 5,000 draws would all but surely show one. */
  @Test
  void typeableTextNeverLooksLikeAnOption() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      String id = RandomText.typeable(9);
      assertFalse(id.startsWith("-"), id);
      assertEquals(12, id.length(), id);
      assertTrue(id.matches(URL_SAFE), id);
      seen.add(id);
    }
    assertEquals(5_000, seen.size(), "no id repeats");
  }

  @Test
  void secretsAreUrlSafeAndOfTheAskedStrength() {
    String secret = RandomText.secret(32);
    assertEquals(43, secret.length(), secret);
    assertTrue(secret.matches(URL_SAFE), secret);
  }
}
