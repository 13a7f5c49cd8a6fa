package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.Ft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.shell.jline3.PicocliJLineCompleter;

/** An interactive prompt with the same commands, history and tab completion. */
@Command(name = "shell", description = "Type commands at an ft> prompt (also: ft with no command).")
public class ShellCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return run(spec.root().commandLine());
  }

  /** Reads and runs commands until exit, quit or end of input. */
  public int run(CommandLine root) {
    Ft ft = (Ft) root.getCommandSpec().userObject();
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      Path history = ft.configDir().resolve("history");
      Files.createDirectories(ft.configDir());
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .completer(new PicocliJLineCompleter(root.getCommandSpec()))
          .variable(LineReader.HISTORY_FILE, history)
          .build();
      terminal.writer().println("ft shell on " + ft.serverUri() + " — type help, or exit to leave");
      while (true) {
        String line;
        try {
          line = reader.readLine("ft> ").strip();
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (line.equals("exit") || line.equals("quit")) {
          return 0;
        }
        if (!line.isEmpty()) {
          String[] words = reader.getParser().parse(line, line.length()).words().stream()
              .filter(w -> !w.isEmpty()).toArray(String[]::new);
          Ft.commandLine().setOut(root.getOut()).setErr(root.getErr()).execute(ft.withSharedOptions(words));
        }
      }
    } catch (IOException e) {
      throw new Failure(Failure.USAGE, "no terminal for the shell: " + e.getMessage());
    }
  }
}
