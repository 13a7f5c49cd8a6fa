package dev.ft.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class RunningDigestsTest {
  private final RunningDigests cut = new RunningDigests();

  @Test
  void piecesKeptHereAddUpToTheDigestOfTheWholeUpload() {
    MessageDigest digest = cut.take("u1", 0).orElseThrow();
    digest.update(bytes("first piece,"));
    cut.keep("u1", 12, digest);
    MessageDigest next = cut.take("u1", 12).orElseThrow();
    next.update(bytes("second"));
    assertEquals(Sha256.hex("first piece,second"), Sha256.hexOf(next));
  }

  @Test
  void aDigestAtAnotherOffsetIsNoneSinceAnotherNodeTookAPieceMeanwhile() {
    cut.keep("u1", 12, Sha256.digest());
    assertTrue(cut.take("u1", 20).isEmpty());
    assertTrue(cut.take("u1", 12).isEmpty(), "a stale digest is dropped, not kept for later");
  }

  @Test
  void aDigestServesOnePieceAtATimeAndEndsWithItsUpload() {
    cut.keep("u1", 12, Sha256.digest());
    assertTrue(cut.take("u1", 12).isPresent());
    assertTrue(cut.take("u1", 12).isEmpty(), "taken out until the piece keeps it again");
    cut.keep("u2", 5, Sha256.digest());
    cut.forget("u2");
    assertTrue(cut.take("u2", 5).isEmpty());
    assertTrue(cut.take("u3", 7).isEmpty(), "an upload this node never saw");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
