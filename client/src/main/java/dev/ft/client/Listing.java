package dev.ft.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;

/** File lists as aligned columns: name, size, visibility, creation time. */
public final class Listing {
  private Listing() {}

  public static void files(PrintWriter out, JsonValue files, boolean withOwner) {
    JsonArray array = files.asJsonArray();
    if (array.isEmpty()) {
      out.println("(no files)");
      return;
    }
    int width = 4;
    for (JsonValue v : array) {
      width = Math.max(width, label(v.asJsonObject(), withOwner).length());
    }
    out.println(
        String.format(
            "%-" + width + "s  %10s  %-10s  %s", "NAME", "SIZE", "VISIBILITY", "CREATED"));
    for (JsonValue v : array) {
      JsonObject f = v.asJsonObject();
      out.println(
          String.format(
              "%-" + width + "s  %10s  %-10s  %s",
              label(f, withOwner),
              Sizes.human(f.getJsonNumber("size").longValue()),
              f.getString("visibility"),
              f.getString("createdAt")));
    }
  }

  public static void file(PrintWriter out, String verb, JsonObject f) {
    out.println(
        verb
            + " "
            + f.getString("owner")
            + "/"
            + f.getString("name")
            + " ("
            + Sizes.human(f.getJsonNumber("size").longValue())
            + ", "
            + f.getString("visibility")
            + ")");
  }

  private static String label(JsonObject f, boolean withOwner) {
    return withOwner ? f.getString("owner") + "/" + f.getString("name") : f.getString("name");
  }
}
