package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Listing;
import picocli.CommandLine.Command;

@Command(name = "public", description = "List every public file (no login needed).")
public class PublicCommand extends FtCommand {
  @Override
  protected void run() {
    Listing.files(out(), client().json(client().request("/public", null).GET().build()), true);
  }
}
