package dev.ft.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetCommandTest {

  @Test
  void aLinksFileIsNamedByFilenameStarFirst() {
    assertEquals(
        Optional.of("Grüße + Bericht.pdf"),
        GetCommand.fileName(
            "attachment; filename=\"Gr__e + Bericht.pdf\";"
                + " filename*=UTF-8''Gr%C3%BC%C3%9Fe%20+%20Bericht.pdf"));
    assertEquals(
        Optional.of("plain.txt"), GetCommand.fileName("attachment; filename=\"plain.txt\""));
    assertEquals(Optional.empty(), GetCommand.fileName("attachment"));
  }
}
