package dev.ft.client.commands;

import dev.ft.client.Passwords;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every share link and drop takes: expiry, password, addresses, note, owner. */
public class LinkTerms {
  @Option(
      names = "--expires",
      required = true,
      paramLabel = "DURATION",
      description = "How long it works, e.g. 30m, 12h, 7d (the server caps it).")
  String expires;

  @Option(names = "--password", description = "Ask for a password the recipient must give.")
  boolean password;

  @Option(
      names = "--password-stdin",
      description = "Read the password the recipient must give from standard input.")
  boolean passwordStdin;

  @Option(
      names = "--allow-from",
      paramLabel = "CIDR",
      description = "Only addresses in this range may use it (repeatable), e.g. 192.0.2.0/24.")
  List<String> allowFrom;

  @Option(names = "--note", paramLabel = "TEXT", description = "A note shown on its page.")
  String note;

  @Option(names = "--owner", paramLabel = "USER", description = "Admins: for another user.")
  String owner;

  /** The JSON body's common members. */
  JsonObjectBuilder body() {
    JsonObjectBuilder body = Json.createObjectBuilder().add("expiresIn", expires);
    if (password || passwordStdin) {
      body.add("password", Passwords.read(passwordStdin, "Password for the link: "));
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
    return body;
  }
}
