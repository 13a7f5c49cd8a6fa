package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.FtCommand;
import dev.ft.client.ServerClient;
import dev.ft.client.Sizes;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The caller's unfinished resumable uploads; {@code --cancel NAME} ends one. */
@Command(name = "uploads", description = "List your unfinished resumable uploads, or cancel one.")
public class UploadsCommand extends FtCommand {
  @Option(names = "--cancel", paramLabel = "NAME", description = "End the upload of NAME.")
  String cancel;

  @Override
  protected void run() {
    var session = ft().requireSession();
    var uploads = client().json(client().request("/uploads", session).GET().build()).asJsonArray();
    if (cancel != null) {
      JsonObject upload =
          uploads.stream()
              .map(JsonValue::asJsonObject)
              .filter(u -> u.getString("name").equals(cancel))
              .findFirst()
              .orElseThrow(
                  () -> new Failure(Failure.NOT_FOUND, "no unfinished upload of '" + cancel + "'"));
      client()
          .send(
              client()
                  .request("/uploads/" + ServerClient.segment(upload.getString("id")), session)
                  .DELETE()
                  .header("Tus-Resumable", "1.0.0")
                  .build());
      out().println("cancelled the upload of " + cancel);
      return;
    }
    if (uploads.isEmpty()) {
      out().println("(no unfinished uploads)");
      return;
    }
    out().println(String.format("%-30s  %21s  %s", "NAME", "SENT", "EXPIRES"));
    for (JsonValue v : uploads) {
      JsonObject u = v.asJsonObject();
      out()
          .println(
              String.format(
                  "%-30s  %21s  %s",
                  u.getString("name"),
                  Sizes.human(u.getJsonNumber("offset").longValue())
                      + " of "
                      + Sizes.human(u.getJsonNumber("length").longValue()),
                  u.getString("expiresAt")));
    }
  }
}
