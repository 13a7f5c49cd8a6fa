package dev.ft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FtTest {

  private static List<String> shellLine(String... startedWith) {
    CommandLine cmd = Ft.commandLine();
    cmd.parseArgs(startedWith);
    return List.of(((Ft) cmd.getCommand()).withSharedOptions(new String[] {"ls"}));
  }

  @Test
  void everyOptionTheShellWasStartedWithReachesItsCommands() {
    assertEquals(
        List.of("--server", "https://x:1", "--quiet", "--cacert", "/c.pem", "ls"),
        shellLine("--server", "https://x:1", "-q", "--cacert", "/c.pem"));
    assertEquals(
        List.of("--insecure", "--verbose", "--config-dir", "/cfg", "ls"),
        shellLine("--insecure", "shell", "-v", "--config-dir", "/cfg"),
        "options given to 'ft shell' count as well");
    assertEquals(List.of("ls"), shellLine());
  }
}
