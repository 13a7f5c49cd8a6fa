package dev.ft.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLineTest {

  @Test
  void theKeyOfALinkOrDropIsNeverWritten() {
    assertEquals("/s/{key}", AccessLine.loggable("/s/AbC-_123"));
    assertEquals("/s/{key}/download", AccessLine.loggable("/s/AbC-_123/download"));
    assertEquals("/d/{key}/unlock", AccessLine.loggable("/d/k3y/unlock"));
    assertEquals("/api/v1/s/{key}", AccessLine.loggable("/api/v1/s/k3y"));
    assertEquals("/api/v1/d/{key}/uploads/u1", AccessLine.loggable("/api/v1/d/k3y/uploads/u1"));
  }

  @Test
  void otherPathsAreWrittenAsTheyCame() {
    assertEquals("/api/v1/files/a%20b.txt", AccessLine.loggable("/api/v1/files/a%20b.txt"));
    assertEquals("/api/v1/shared", AccessLine.loggable("/api/v1/shared"));
    assertEquals("/admin/s/x", AccessLine.loggable("/admin/s/x"));
  }

  @Test
  void aLineIsKeyValueFields() {
    var line =
        new AccessLine(
            Instant.parse("2026-12-02T10:00:00Z"),
            "node-1",
            "::1",
            null,
            "GET",
            "/d/secret",
            404,
            -1,
            120,
            1500);
    assertEquals(
        "time=2026-12-02T10:00:00Z node=node-1 client=::1 user=- method=GET path=/d/{key}"
            + " status=404 in=- out=120 ms=1.5",
        line.toString());
  }
}
