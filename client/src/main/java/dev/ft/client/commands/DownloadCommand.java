package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.ServerClient;
import dev.ft.client.Transfers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "download",
    description = "Download one of your files (into ./downloads by default).")
public class DownloadCommand extends FtCommand {
  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin SaveOptions save;

  @Override
  protected void run() {
    new Transfers(client(), ft().quiet(), out())
        .download(
            ft().requireSession(),
            "/files/" + ServerClient.segment(name),
            save.dir,
            name,
            save.overwrite);
  }
}
