package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.FtCommand;
import dev.ft.client.ServerClient;
import dev.ft.client.Session;
import dev.ft.client.Transfers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "get",
    description = "Download someone's shared file, or a public one without logging in.")
public class GetCommand extends FtCommand {
  @Parameters(paramLabel = "OWNER/NAME")
  String ownerAndName;

  @Mixin SaveOptions save;

  @Override
  protected void run() {
    int slash = ownerAndName.indexOf('/');
    if (slash <= 0 || slash == ownerAndName.length() - 1) {
      throw new Failure(Failure.USAGE, "give the file as OWNER/NAME, e.g. alice/report.pdf");
    }
    String owner = ownerAndName.substring(0, slash);
    String name = ownerAndName.substring(slash + 1);
    Session session = ft().session().orElse(null);
    String path =
        (session == null ? "/public/" : "/shared/")
            + ServerClient.segment(owner)
            + "/"
            + ServerClient.segment(name);
    new Transfers(client(), ft().quiet(), out())
        .download(session, path, save.dir, name, save.overwrite);
  }
}
