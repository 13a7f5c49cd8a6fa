package dev.ft.links.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Role;
import dev.ft.files.entity.StoredFile;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareLinkTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final Duration GRACE = Duration.ofHours(1);

  private static ShareLink link(Integer maxDownloads, int downloads, Instant lastDownloadAt)
      throws ReflectiveOperationException {
    Account owner = new Account("alice", "$2a$04$x", Role.USER, NOW);
    StoredFile file =
        new StoredFile(
            owner, "a.txt", new StoredFile.Content(1, "0".repeat(64), "text/plain", "k"), NOW);
    ShareLink link =
        new ShareLink(
            "id",
            "hash",
            file,
            "alice",
            NOW,
            new ShareLink.Terms(NOW.plus(Duration.ofDays(1)), null, List.of(), null),
            maxDownloads);
    // what the database's counting UPDATE would have left
    set(link, "downloads", downloads);
    set(link, "lastDownloadAt", lastDownloadAt);
    return link;
  }

  private static void set(ShareLink link, String field, Object value)
      throws ReflectiveOperationException {
    Field f = ShareLink.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(link, value);
  }

  @Test
  void aResumeNeedsAStartedDownload() throws Exception {
    assertFalse(link(null, 0, null).mayContinueAt(NOW, GRACE), "nothing started: no resume");
    assertTrue(link(null, 1, NOW).mayContinueAt(NOW, GRACE));
    assertTrue(link(3, 2, NOW.minus(Duration.ofDays(2))).mayContinueAt(NOW, GRACE), "not used up");
  }

  @Test
  void aUsedUpLinkServesResumesOnlyForTheGrace() throws Exception {
    ShareLink usedUp = link(3, 3, NOW.minus(Duration.ofMinutes(59)));
    assertTrue(usedUp.isUsedUp());
    assertTrue(usedUp.mayContinueAt(NOW, GRACE), "the last download may still finish");
    assertFalse(usedUp.mayContinueAt(NOW.plus(Duration.ofMinutes(1)), GRACE), "then no more");
  }

  @Test
  void aLinkExpiresAtItsExpiry() throws Exception {
    ShareLink link = link(null, 0, null);
    assertFalse(link.isExpiredAt(NOW.plus(Duration.ofDays(1)).minusMillis(1)));
    assertTrue(link.isExpiredAt(NOW.plus(Duration.ofDays(1))));
  }
}
