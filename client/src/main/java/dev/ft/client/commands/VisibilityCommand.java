package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Listing;
import dev.ft.client.ServerClient;
import jakarta.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "visibility", description = "Make one of your files private, shared or public.")
public class VisibilityCommand extends FtCommand {
  /** The three visibilities, as the server names them. */
  public enum Visibility {
    PRIVATE,
    SHARED,
    PUBLIC
  }

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Parameters(index = "1", paramLabel = "private|shared|public")
  Visibility visibility;

  @Override
  protected void run() {
    change(this, "/files/" + ServerClient.segment(name), visibility);
  }

  static void change(FtCommand command, String filePath, Visibility visibility) {
    var body =
        Json.createObjectBuilder().add("visibility", visibility.name().toLowerCase()).build();
    var file =
        command
            .client()
            .sendJson("PUT", filePath + "/visibility", command.ft().requireSession(), body);
    Listing.file(command.out(), "now", file);
  }

  /** A short form that sets one fixed visibility on one of your files. */
  abstract static class Shortcut extends FtCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    private final Visibility visibility;

    Shortcut(Visibility visibility) {
      this.visibility = visibility;
    }

    @Override
    protected void run() {
      change(this, "/files/" + ServerClient.segment(name), visibility);
    }
  }

  @Command(name = "share", description = "Let every logged-in user download one of your files.")
  public static class Share extends Shortcut {
    public Share() {
      super(Visibility.SHARED);
    }
  }

  @Command(
      name = "publish",
      description = "Let anyone download one of your files, without logging in.")
  public static class Publish extends Shortcut {
    public Publish() {
      super(Visibility.PUBLIC);
    }
  }

  @Command(name = "unshare", description = "Make one of your files private again.")
  public static class Unshare extends Shortcut {
    public Unshare() {
      super(Visibility.PRIVATE);
    }
  }
}
