package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Passwords;
import dev.ft.client.ServerClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Share links: a URL that hands one of your files to someone without an account. */
@Command(
    name = "link",
    description = "Make a link that lets anyone holding it download one of your files.")
public class LinkCommand extends FtCommand {
  @Parameters(paramLabel = "NAME")
  String name;

  @Option(
      names = "--expires",
      required = true,
      paramLabel = "DURATION",
      description = "How long the link works, e.g. 30m, 12h, 7d (the server caps it).")
  String expires;

  @Option(names = "--password", description = "Ask for a password the recipient must give.")
  boolean password;

  @Option(
      names = "--password-stdin",
      description = "Read the password the recipient must give from standard input.")
  boolean passwordStdin;

  @Option(
      names = "--max-downloads",
      paramLabel = "N",
      description = "The link dies after N downloads.")
  Integer maxDownloads;

  @Option(
      names = "--allow-from",
      paramLabel = "CIDR",
      description = "Only addresses in this range may use it (repeatable), e.g. 192.0.2.0/24.")
  List<String> allowFrom;

  @Option(names = "--note", paramLabel = "TEXT", description = "A note shown on the link's page.")
  String note;

  @Option(
      names = "--owner",
      paramLabel = "USER",
      description = "Admins: link a file of another user.")
  String owner;

  @Override
  protected void run() {
    JsonObjectBuilder body = Json.createObjectBuilder().add("file", name).add("expiresIn", expires);
    if (password || passwordStdin) {
      body.add("password", Passwords.read(passwordStdin, "Password for the link: "));
    }
    if (maxDownloads != null) {
      body.add("maxDownloads", maxDownloads);
    }
    if (allowFrom != null) {
      body.add("allowFrom", Json.createArrayBuilder(allowFrom));
    }
    if (note != null) {
      body.add("note", note);
    }
    if (owner != null) {
      body.add("owner", owner);
    }
    JsonObject link = client().sendJson("POST", "/links", ft().requireSession(), body.build());
    out().println(link.getString("url"));
    if (!ft().quiet()) {
      out()
          .println(
              "link "
                  + link.getString("id")
                  + " to "
                  + link.getString("file")
                  + ", until "
                  + link.getString("expiresAt")
                  + limits(link)
                  + "; revoke it with: ft unlink "
                  + link.getString("id"));
    }
  }

  static String limits(JsonObject link) {
    return (link.getBoolean("hasPassword") ? ", with a password" : "")
        + (link.containsKey("maxDownloads") && link.get("maxDownloads") != JsonValue.NULL
            ? ", " + link.getInt("downloads") + " of " + link.getInt("maxDownloads") + " downloads"
            : ", " + link.getInt("downloads") + " downloads");
  }

  /** The caller's live links. */
  @Command(name = "links", description = "List your live share links.")
  public static class Links extends FtCommand {
    @Override
    protected void run() {
      var links =
          client()
              .json(client().request("/links", ft().requireSession()).GET().build())
              .asJsonArray();
      if (links.isEmpty()) {
        out().println("(no links)");
        return;
      }
      out().println(String.format("%-12s  %-30s  %-24s  %s", "ID", "FILE", "EXPIRES", "USE"));
      for (JsonValue v : links) {
        JsonObject link = v.asJsonObject();
        out()
            .println(
                String.format(
                    "%-12s  %-30s  %-24s  %s",
                    link.getString("id"),
                    link.getString("file"),
                    link.getString("expiresAt"),
                    limits(link).substring(2)));
      }
    }
  }

  /** Revokes a link at once. */
  @Command(name = "unlink", description = "Revoke one of your share links at once.")
  public static class Unlink extends FtCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    protected void run() {
      client()
          .send(
              client()
                  .request("/links/" + ServerClient.segment(id), ft().requireSession())
                  .DELETE()
                  .build());
      out().println("revoked link " + id);
    }
  }
}
