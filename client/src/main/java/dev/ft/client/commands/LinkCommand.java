package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Share links: a URL that hands one of your files to someone without an account. */
@Command(
    name = "link",
    description = "Make a link that lets anyone holding it download one of your files.")
public class LinkCommand extends FtCommand {
  @Parameters(paramLabel = "NAME")
  String name;

  @Mixin LinkTerms terms;

  @Option(
      names = "--max-downloads",
      paramLabel = "N",
      description = "The link dies after N downloads.")
  Integer maxDownloads;

  @Override
  protected void run() {
    JsonObjectBuilder body = terms.body().add("file", name);
    if (maxDownloads != null) {
      body.add("maxDownloads", maxDownloads);
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
  public static class Unlink extends RevokeCommand {
    public Unlink() {
      super("/links/", "link");
    }
  }
}
