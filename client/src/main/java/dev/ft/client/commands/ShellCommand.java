package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.Ft;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * An interactive prompt with the same commands, history and tab completion. Without a terminal
 * (commands piped in) it reads one command a line, quietly: no banner, no prompt, no history.
 */
@Command(name = "shell", description = "Type commands at an ft> prompt (also: ft with no command).")
public class ShellCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  private final Ft ft;

  public ShellCommand(Ft ft) {
    this.ft = ft;
  }

  @Override
  public Integer call() {
    return run(spec.root().commandLine());
  }

  /** Reads and runs commands until exit, quit or end of input. */
  public int run(CommandLine root) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).dumb(false).build();
    } catch (IllegalStateException | IOException noTerminal) {
      return fromStandardInput(root, ft);
    }
    try (terminal) {
      Path history = privateHistory(ft.configDir());
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .completer(new PicocliJLineCompleter(root.getCommandSpec()))
              .variable(LineReader.HISTORY_FILE, history)
              .build();
      terminal.writer().println("ft shell on " + ft.serverUri() + " — type help, or exit to leave");
      try {
        while (true) {
          String line;
          try {
            line = reader.readLine("ft> ");
          } catch (UserInterruptException e) {
            continue;
          } catch (EndOfFileException e) {
            return 0;
          }
          if (!execute(root, ft, reader.getParser(), line)) {
            return 0;
          }
        }
      } finally {
        reader.getHistory().save();
        keepPrivate(history); // the history may have been rewritten through a new file
      }
    } catch (IOException e) {
      throw new Failure(Failure.USAGE, "no terminal for the shell: " + e.getMessage());
    }
  }

  private static int fromStandardInput(CommandLine root, Ft ft) {
    Parser parser = new DefaultParser();
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        if (!execute(root, ft, parser, line)) {
          break;
        }
      }
      return 0;
    } catch (IOException e) {
      throw new Failure(Failure.USAGE, "cannot read commands: " + e.getMessage());
    }
  }

  /** Runs one line; false when it asked to leave. */
  private static boolean execute(CommandLine root, Ft ft, Parser parser, String line) {
    String command = line.strip();
    if (command.equals("exit") || command.equals("quit")) {
      return false;
    }
    if (!command.isEmpty()) {
      String[] words =
          parser.parse(command, command.length()).words().stream()
              .filter(w -> !w.isEmpty())
              .toArray(String[]::new);
      Ft.commandLine()
          .setOut(root.getOut())
          .setErr(root.getErr())
          .execute(ft.withSharedOptions(words));
    }
    return true;
  }

  /**
   * Command lines name files and users: the history is readable by its owner only, like the
   * session.
   */
  private static Path privateHistory(Path configDir) throws IOException {
    Files.createDirectories(configDir);
    Path history = configDir.resolve("history");
    if (Files.notExists(history)) {
      Files.createFile(
          history,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    keepPrivate(history);
    return history;
  }

  private static void keepPrivate(Path history) throws IOException {
    if (Files.exists(history)) {
      Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
