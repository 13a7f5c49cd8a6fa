package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.FtCommand;
import dev.ft.client.Listing;
import dev.ft.client.ServerClient;
import dev.ft.client.Transfers;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Administration: every user and every file. Needs an admin login. */
@Command(
    name = "admin",
    description = "Administer users and their files (admins only).",
    subcommands = {
      AdminCommand.Users.class,
      AdminCommand.Role.class,
      AdminCommand.RmUser.class,
      AdminCommand.Ls.class,
      AdminCommand.Get.class,
      AdminCommand.Put.class,
      AdminCommand.Rm.class,
      AdminCommand.SetVisibility.class,
      AdminCommand.Audit.class
    })
public class AdminCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say which admin command, e.g. ft admin users");
  }

  static String userPath(String user) {
    return "/admin/users/" + ServerClient.segment(user);
  }

  static String filePath(String user, String name) {
    return userPath(user) + "/files/" + ServerClient.segment(name);
  }

  @Command(name = "users", description = "List every user with role, file count and bytes used.")
  public static class Users extends FtCommand {
    @Override
    protected void run() {
      JsonValue users =
          client().json(client().request("/admin/users", ft().requireSession()).GET().build());
      out()
          .println(
              String.format(
                  "%-32s  %-5s  %6s  %10s  %s", "USER", "ROLE", "FILES", "USED", "CREATED"));
      for (JsonValue v : users.asJsonArray()) {
        var u = v.asJsonObject();
        out()
            .println(
                String.format(
                    "%-32s  %-5s  %6d  %10s  %s",
                    u.getString("username"),
                    u.getString("role"),
                    u.getInt("fileCount"),
                    dev.ft.client.Sizes.human(u.getJsonNumber("bytesUsed").longValue()),
                    u.getString("createdAt")));
      }
    }
  }

  @Command(name = "role", description = "Make a user an admin or a plain user.")
  public static class Role extends FtCommand {
    /** The two roles. */
    public enum Name {
      USER,
      ADMIN
    }

    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Parameters(index = "1", paramLabel = "user|admin")
    Name role;

    @Override
    protected void run() {
      var body = Json.createObjectBuilder().add("role", role.name().toLowerCase()).build();
      var changed = client().sendJson("PUT", userPath(user) + "/role", ft().requireSession(), body);
      out().println(changed.getString("username") + " is now " + changed.getString("role"));
    }
  }

  @Command(name = "rm-user", description = "Delete a user and all of their files.")
  public static class RmUser extends FtCommand {
    @Parameters(paramLabel = "USER")
    String user;

    @Override
    protected void run() {
      client().send(client().request(userPath(user), ft().requireSession()).DELETE().build());
      out().println("deleted user " + user + " and their files");
    }
  }

  @Command(name = "ls", description = "List a user's files.")
  public static class Ls extends FtCommand {
    @Parameters(paramLabel = "USER")
    String user;

    @Override
    protected void run() {
      Listing.files(
          out(),
          client()
              .json(
                  client().request(userPath(user) + "/files", ft().requireSession()).GET().build()),
          false);
    }
  }

  @Command(name = "get", description = "Download any user's file.")
  public static class Get extends FtCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Mixin SaveOptions save;

    @Override
    protected void run() {
      new Transfers(client(), ft().quiet(), out())
          .download(ft().requireSession(), filePath(user, name), save.dir, name, save.overwrite);
    }
  }

  @Command(
      name = "put",
      description = "Upload a file into a user's area (replaces one of the same name).")
  public static class Put extends FtCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Override
    protected void run() {
      Listing.file(
          out(),
          "stored",
          new Transfers(client(), ft().quiet(), out())
              .upload(ft().requireSession(), filePath(user, file.getFileName().toString()), file));
    }
  }

  @Command(name = "rm", description = "Delete a user's file.")
  public static class Rm extends FtCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Override
    protected void run() {
      client().send(client().request(filePath(user, name), ft().requireSession()).DELETE().build());
      out().println("deleted " + user + "/" + name);
    }
  }

  @Command(name = "visibility", description = "Make a user's file private, shared or public.")
  public static class SetVisibility extends FtCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", paramLabel = "private|shared|public")
    VisibilityCommand.Visibility visibility;

    @Override
    protected void run() {
      VisibilityCommand.change(this, filePath(user, name), visibility);
    }
  }

  @Command(name = "audit", description = "Show the newest audit events.")
  public static class Audit extends FtCommand {
    @Option(names = "--limit", defaultValue = "50", description = "How many (1-1000, default 50).")
    int limit;

    @Option(
        names = "--user",
        paramLabel = "USER",
        description = "Only events by or about this user.")
    String user;

    @Override
    protected void run() {
      if (limit < 1 || limit > 1000) {
        throw new Failure(Failure.USAGE, "--limit must be from 1 to 1000");
      }
      String query =
          "/admin/audit?limit="
              + limit
              + (user == null ? "" : "&user=" + ServerClient.segment(user));
      for (JsonValue v :
          client()
              .json(client().request(query, ft().requireSession()).GET().build())
              .asJsonArray()) {
        var e = v.asJsonObject();
        String name = e.getString("name", null);
        String detail = e.getString("detail", null);
        out()
            .println(
                e.getString("at")
                    + "  "
                    + e.getString("actor")
                    + "  "
                    + e.getString("action")
                    + (name == null ? "" : " " + e.getString("owner", "") + "/" + name)
                    + (detail == null ? "" : "  (" + detail + ")"));
      }
    }
  }
}
