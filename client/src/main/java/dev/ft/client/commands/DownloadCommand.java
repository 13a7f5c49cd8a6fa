package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.ServerClient;
import dev.ft.client.Transfers;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "download", description = "Download one of your files (into ./downloads by default).")
public class DownloadCommand extends FtCommand {
  @Parameters(paramLabel = "NAME") String name;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder to save into (default: downloads).")
  Path dir = Path.of("downloads");

  @Option(names = "--overwrite", description = "Replace a local file of the same name.")
  boolean overwrite;

  @Override
  protected void run() {
    new Transfers(client(), ft().quiet(), out())
        .download(ft().requireSession(), "/files/" + ServerClient.segment(name), dir, name, overwrite);
  }
}
