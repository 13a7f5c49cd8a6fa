package dev.ft.accounts.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher cut = new PasswordHasher();

  {
    cut.cost = 4;
    cut.init();
  }

  @Test
  void aHashOfAnotherCostIsMadeAgain() {
    String older =
        new String(
            BCrypt.withDefaults().hash(5, "correct horse".getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
    assertTrue(cut.needsRehash(older));
    assertTrue(cut.matches("correct horse", older), "it still proves the password");
    assertFalse(cut.needsRehash(cut.hash("correct horse battery")));
    assertFalse(
        cut.needsRehash(cut.hashAgain("short")),
        "a proven password is hashed whatever today's rules");
  }
}
