package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import jakarta.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "register", description = "Create an account on the server.")
public class RegisterCommand extends FtCommand {
  @Parameters(paramLabel = "USER")
  String username;

  @Mixin PasswordOption password;

  @Override
  protected void run() {
    var body =
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password.read(username))
            .build();
    var account = client().sendJson("POST", "/auth/register", null, body);
    out()
        .println(
            "registered "
                + account.getString("username")
                + " on "
                + client().server()
                + "; log in with: ft login "
                + account.getString("username"));
  }
}
