package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.ServerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rm", description = "Delete one of your files.")
public class RmCommand extends FtCommand {
  @Parameters(paramLabel = "NAME")
  String name;

  @Override
  protected void run() {
    client()
        .send(
            client()
                .request("/files/" + ServerClient.segment(name), ft().requireSession())
                .DELETE()
                .build());
    out().println("deleted " + name);
  }
}
