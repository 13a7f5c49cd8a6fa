package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Session;
import jakarta.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "login", description = "Log in and keep the session in your config folder.")
public class LoginCommand extends FtCommand {
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
    var login = client().sendJson("POST", "/auth/login", null, body);
    new Session(ft().serverUri().toString(), login.getString("username"), login.getString("token"))
        .save(ft().configDir());
    out()
        .println(
            "logged in as "
                + login.getString("username")
                + " ("
                + login.getString("role")
                + ") on "
                + client().server()
                + " until "
                + login.getString("expiresAt"));
  }
}
