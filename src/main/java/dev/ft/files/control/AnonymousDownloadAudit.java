package dev.ft.files.control;

import dev.ft.files.entity.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anonymous downloads of a public file are audited once an hour, not one by one. Anyone may fetch a
 * public file as often as they like; a row each time would let a stranger grow the audit table
 * without bound and push real events out of view.
 */
@ApplicationScoped
public class AnonymousDownloadAudit {
  static final Duration PERIOD = Duration.ofHours(1);
  private static final int MAX_TRACKED_FILES = 10_000;

  @Inject Clock clock;

  private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

  /** True for the first anonymous download of this file's bytes in the period. */
  boolean shouldRecord(StoredFile file) {
    Instant now = clock.instant();
    if (lastRecorded.size() >= MAX_TRACKED_FILES) {
      lastRecorded.values().removeIf(at -> !now.isBefore(at.plus(PERIOD)));
      if (lastRecorded.size() >= MAX_TRACKED_FILES) {
        return false; // this many public files in one hour: the rows already show the traffic
      }
    }
    boolean[] record = {false};
    lastRecorded.compute(
        file.storageKey(),
        (key, at) -> {
          if (at != null && now.isBefore(at.plus(PERIOD))) {
            return at;
          }
          record[0] = true;
          return now;
        });
    return record[0];
  }
}
