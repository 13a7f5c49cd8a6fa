package dev.ft.client.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a download goes, and whether it may replace a local file: shared by every download command.
 */
public class SaveOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Folder to save into (default: downloads).")
  Path dir = Path.of("downloads");

  @Option(names = "--overwrite", description = "Replace a local file of the same name.")
  boolean overwrite;
}
