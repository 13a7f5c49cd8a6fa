package dev.ft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

  @Test
  void everySubcommandSharesTheTopCommandItWasMadeFor() {
    CommandLine cmd = Ft.commandLine();
    List<FtCommand> commands = ftCommandsUnder(cmd);
    assertTrue(commands.size() > 10, "found " + commands.size());
    commands.forEach(command -> assertSame(cmd.getCommand(), command.ft(), command.toString()));
  }

  private static List<FtCommand> ftCommandsUnder(CommandLine line) {
    List<FtCommand> found = new ArrayList<>();
    for (CommandLine sub : line.getSubcommands().values()) {
      if (sub.getCommand() instanceof FtCommand command && !found.contains(command)) {
        found.add(command);
      }
      ftCommandsUnder(sub).stream().filter(c -> !found.contains(c)).forEach(found::add);
    }
    return found;
  }
}
