package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Listing;
import picocli.CommandLine.Command;

@Command(name = "ls", description = "List your files.")
public class LsCommand extends FtCommand {
  @Override
  protected void run() {
    Listing.files(
        out(),
        client().json(client().request("/files", ft().requireSession()).GET().build()),
        false);
  }
}
