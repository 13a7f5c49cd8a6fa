package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Listing;
import picocli.CommandLine.Command;

@Command(name = "shared", description = "List every user's shared and public files.")
public class SharedCommand extends FtCommand {
  @Override
  protected void run() {
    Listing.files(
        out(),
        client().json(client().request("/shared", ft().requireSession()).GET().build()),
        true);
  }
}
