package dev.ft.files.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.accounts.entity.Account;
import dev.ft.accounts.entity.Role;
import dev.ft.files.entity.StoredFile;
import dev.ft.fixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnonymousDownloadAuditTest {
  private final MutableClock clock = new MutableClock();
  private final AnonymousDownloadAudit cut = new AnonymousDownloadAudit();

  {
    cut.clock = clock;
  }

  private static final Account OWNER = new Account("owner", "not-a-hash", Role.USER, Instant.EPOCH);

  private static StoredFile stored(String key) {
    return new StoredFile(
        OWNER,
        "flyer.pdf",
        new StoredFile.Content(1, "0".repeat(64), "application/pdf", key),
        Instant.EPOCH);
  }

  @Test
  void eachFileIsRecordedOnceAnHour() {
    StoredFile flyer = stored("owner/00000000-0000-0000-0000-000000000001");
    StoredFile other = stored("owner/00000000-0000-0000-0000-000000000002");
    assertTrue(cut.shouldRecord(flyer), "the first download of the hour");
    assertFalse(cut.shouldRecord(flyer), "the next ones are not");
    assertTrue(cut.shouldRecord(other), "each file counts on its own");
    clock.advance(Duration.ofMinutes(59));
    assertFalse(cut.shouldRecord(flyer));
    clock.advance(Duration.ofMinutes(1));
    assertTrue(cut.shouldRecord(flyer), "an hour later, once more");
  }
}
