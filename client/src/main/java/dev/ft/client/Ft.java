package dev.ft.client;

import dev.ft.client.commands.AdminCommand;
import dev.ft.client.commands.DownloadCommand;
import dev.ft.client.commands.DropCommand;
import dev.ft.client.commands.GetCommand;
import dev.ft.client.commands.LinkCommand;
import dev.ft.client.commands.LoginCommand;
import dev.ft.client.commands.LogoutCommand;
import dev.ft.client.commands.LsCommand;
import dev.ft.client.commands.PublicCommand;
import dev.ft.client.commands.RegisterCommand;
import dev.ft.client.commands.RmCommand;
import dev.ft.client.commands.SharedCommand;
import dev.ft.client.commands.ShellCommand;
import dev.ft.client.commands.UploadCommand;
import dev.ft.client.commands.UploadsCommand;
import dev.ft.client.commands.VisibilityCommand;
import dev.ft.client.commands.WhoamiCommand;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The top command: options every command shares, and the interactive shell when none is given. */
@Command(
    name = "ft",
    mixinStandardHelpOptions = true,
    version = "ft 1.0.0",
    description = "Moves files to and from an ft server.",
    subcommands = {
      RegisterCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      WhoamiCommand.class,
      LsCommand.class,
      UploadCommand.class,
      UploadsCommand.class,
      DownloadCommand.class,
      RmCommand.class,
      VisibilityCommand.class,
      VisibilityCommand.Share.class,
      VisibilityCommand.Publish.class,
      VisibilityCommand.Unshare.class,
      SharedCommand.class,
      PublicCommand.class,
      GetCommand.class,
      LinkCommand.class,
      LinkCommand.Links.class,
      LinkCommand.Unlink.class,
      DropCommand.class,
      DropCommand.Drops.class,
      DropCommand.Undrop.class,
      AdminCommand.class,
      ShellCommand.class
    })
public class Ft implements Callable<Integer> {
  public static final String DEFAULT_SERVER = "https://localhost:8181";

  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "URL",
      description = "The server (default: $FT_SERVER, else " + DEFAULT_SERVER + ").")
  String server;

  @Option(
      names = "--cacert",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Trust the certificates in this PEM file (for a self-signed server; default:"
              + " $FT_CACERT).")
  Path cacert;

  @Option(
      names = "--insecure",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Do not check the server's certificate at all (warns every time).")
  boolean insecure;

  @Option(
      names = {"-q", "--quiet"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "No progress bars.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show the HTTP exchange.")
  boolean verbose;

  @Option(
      names = "--config-dir",
      scope = CommandLine.ScopeType.INHERIT,
      hidden = true,
      paramLabel = "DIR")
  Path configDir;

  private ServerClient client;

  /** The command line with the project's error handling: one line, an exit code per kind. */
  public static CommandLine commandLine() {
    Ft top = new Ft();
    CommandLine cmd =
        new CommandLine(top, new SubcommandFactory(top)).setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(
        (e, line, parseResult) -> {
          if (e instanceof Failure failure) {
            line.getErr().println("ft: " + failure.getMessage());
            return failure.exitCode();
          }
          line.getErr().println("ft: unexpected error: " + e);
          return Failure.SERVER;
        });
    return cmd;
  }

  /** Makes each subcommand knowing the top command, whose options and server it shares. */
  private record SubcommandFactory(Ft top) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ShellCommand.class) {
        return type.cast(new ShellCommand(top));
      }
      K made = CommandLine.defaultFactory().create(type);
      if (made instanceof FtCommand command) {
        command.belongTo(top);
      }
      return made;
    }
  }

  @Override
  public Integer call() {
    return new ShellCommand(this).run(spec.commandLine());
  }

  /**
   * A shell line's words, after the options the shell itself was started with: whatever was given
   * to {@code ft} or {@code ft shell} (server, certificate, output options, any added later)
   * applies to every command typed in the shell.
   */
  public String[] withSharedOptions(String[] words) {
    List<String> args = new ArrayList<>();
    for (ParseResult parsed = spec.commandLine().getParseResult();
        parsed != null;
        parsed = parsed.subcommand()) {
      for (OptionSpec option : parsed.matchedOptions()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        if (option.arity().max() == 0) {
          args.add(option.longestName());
        } else {
          for (String value : option.originalStringValues()) {
            args.add(option.longestName());
            args.add(value);
          }
        }
      }
    }
    args.addAll(List.of(words));
    return args.toArray(String[]::new);
  }

  public Path configDir() {
    return configDir != null ? configDir : Session.defaultConfigDir();
  }

  public boolean quiet() {
    return quiet;
  }

  public URI serverUri() {
    String url =
        server != null
            ? server
            : Optional.ofNullable(System.getenv("FT_SERVER")).orElse(DEFAULT_SERVER);
    try {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.USAGE, "the server must be an https:// URL, not '" + url + "'");
    }
  }

  public ServerClient client() {
    if (client == null) {
      SSLContext tls;
      if (insecure) {
        spec.commandLine()
            .getErr()
            .println("ft: warning: --insecure: the server's certificate is not checked");
        tls = Tls.trustingAnything();
      } else if (cacert != null || System.getenv("FT_CACERT") != null) {
        tls = Tls.trusting(cacert != null ? cacert : Path.of(System.getenv("FT_CACERT")));
      } else {
        try {
          tls = SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
      client = new ServerClient(serverUri(), tls, verbose, spec.commandLine().getErr());
    }
    return client;
  }

  /** The saved session for this server, if any. */
  public Optional<Session> session() {
    return Session.load(configDir()).filter(s -> s.server().equals(serverUri().toString()));
  }

  public Session requireSession() {
    return session()
        .orElseThrow(
            () ->
                new Failure(
                    Failure.AUTH, "not logged in to " + serverUri() + ": run ft login USER"));
  }
}
