package dev.ft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {

  @Test
  void theConfigFolderFollowsXdgThenHomeThenTheAccount() {
    assertEquals(
        Path.of("/xdg/ft"),
        Session.configDirFrom(Map.of("XDG_CONFIG_HOME", "/xdg", "HOME", "/h"), "/u"));
    assertEquals(Path.of("/h/.config/ft"), Session.configDirFrom(Map.of("HOME", "/h"), "/u"));
    assertEquals(Path.of("/u/.config/ft"), Session.configDirFrom(Map.of(), "/u"));
    assertEquals(
        Path.of("/u/.config/ft"),
        Session.configDirFrom(Map.of("XDG_CONFIG_HOME", " ", "HOME", ""), "/u"));
  }
}
