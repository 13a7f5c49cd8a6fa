package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.FtCommand;
import dev.ft.client.Listing;
import dev.ft.client.ResumableSender;
import dev.ft.client.ServerClient;
import dev.ft.client.Session;
import dev.ft.client.Sizes;
import dev.ft.client.Transfers;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upload", description = "Upload files into your area, one after another.")
public class UploadCommand extends FtCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*")
  List<Path> files;

  @Option(names = "--overwrite", description = "Replace files of the same name on the server.")
  boolean overwrite;

  @Option(
      names = "--resumable-above",
      paramLabel = "SIZE",
      defaultValue = "16MiB",
      description =
          "Files larger than this go in resumable pieces (tus) and pick up where they stopped"
              + " when run again (default: ${DEFAULT-VALUE}).")
  String resumableAbove;

  @Option(
      names = "--no-resume",
      description = "Start resumable uploads over instead of going on from where they stopped.")
  boolean noResume;

  @Override
  protected void run() {
    Session session = ft().requireSession();
    Set<String> existing =
        overwrite
            ? Set.of()
            : client()
                .json(client().request("/files", session).GET().build())
                .asJsonArray()
                .stream()
                .map(f -> f.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
    Transfers transfers = new Transfers(client(), ft().quiet(), out());
    ResumableSender resumable =
        new ResumableSender(client(), ft().configDir(), ft().quiet(), out());
    long threshold = Sizes.parse(resumableAbove);
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (existing.contains(name)) {
        throw new Failure(
            Failure.CONFLICT,
            "'" + name + "' already exists on the server: add --overwrite to replace it");
      }
      boolean inPieces = java.nio.file.Files.isRegularFile(file) && size(file) > threshold;
      Listing.file(
          out(),
          "stored",
          inPieces
              ? resumable.upload(session, file, name, overwrite, !noResume)
              : transfers.upload(session, "/files/" + ServerClient.segment(name), file));
    }
  }

  private static long size(Path file) {
    try {
      return java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      return 0; // the upload says what is wrong with the file
    }
  }
}
