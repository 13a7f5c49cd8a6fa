package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Sizes;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Drops: a URL through which someone without an account sends files into your area. */
@Command(
    name = "drop",
    description = "Make a link through which anyone holding it can send you files.")
public class DropCommand extends FtCommand {
  @Mixin LinkTerms terms;

  @Option(names = "--max-files", paramLabel = "N", description = "It takes at most N files in all.")
  Integer maxFiles;

  @Option(
      names = "--max-bytes",
      paramLabel = "SIZE",
      description = "It takes at most this much in all, e.g. 2GiB or 500MB.")
  String maxBytes;

  @Override
  protected void run() {
    JsonObjectBuilder body = terms.body();
    if (maxFiles != null) {
      body.add("maxFiles", maxFiles);
    }
    if (maxBytes != null) {
      body.add("maxBytes", Sizes.parse(maxBytes));
    }
    JsonObject drop = client().sendJson("POST", "/drops", ft().requireSession(), body.build());
    out().println(drop.getString("url"));
    if (!ft().quiet()) {
      out()
          .println(
              "drop "
                  + drop.getString("id")
                  + " into "
                  + drop.getString("owner")
                  + "'s files, until "
                  + drop.getString("expiresAt")
                  + uses(drop)
                  + "; revoke it with: ft undrop "
                  + drop.getString("id"));
    }
  }

  static String uses(JsonObject drop) {
    return (drop.getBoolean("hasPassword") ? ", with a password" : "")
        + ", "
        + drop.getInt("filesReceived")
        + (isSet(drop, "maxFiles") ? " of " + drop.getInt("maxFiles") : "")
        + " files, "
        + Sizes.human(drop.getJsonNumber("bytesReceived").longValue())
        + (isSet(drop, "maxBytes")
            ? " of " + Sizes.human(drop.getJsonNumber("maxBytes").longValue())
            : "");
  }

  private static boolean isSet(JsonObject drop, String key) {
    return drop.containsKey(key) && drop.get(key) != JsonValue.NULL;
  }

  /** The caller's live drops. */
  @Command(name = "drops", description = "List your live drops.")
  public static class Drops extends FtCommand {
    @Override
    protected void run() {
      var drops =
          client()
              .json(client().request("/drops", ft().requireSession()).GET().build())
              .asJsonArray();
      if (drops.isEmpty()) {
        out().println("(no drops)");
        return;
      }
      out().println(String.format("%-12s  %-24s  %s", "ID", "EXPIRES", "RECEIVED"));
      for (JsonValue v : drops) {
        JsonObject drop = v.asJsonObject();
        out()
            .println(
                String.format(
                    "%-12s  %-24s  %s",
                    drop.getString("id"), drop.getString("expiresAt"), uses(drop).substring(2)));
      }
    }
  }

  /** Revokes a drop at once. */
  @Command(name = "undrop", description = "Revoke one of your drops at once.")
  public static class Undrop extends RevokeCommand {
    public Undrop() {
      super("/drops/", "drop");
    }
  }
}
