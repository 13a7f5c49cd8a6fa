package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.Passwords;
import jakarta.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "register", description = "Create an account on the server.")
public class RegisterCommand extends FtCommand {
  @Parameters(paramLabel = "USER") String username;

  @Option(names = "--password-stdin", description = "Read the password from standard input.")
  boolean passwordStdin;

  @Override
  protected void run() {
    String password = Passwords.read(passwordStdin, "Password for " + username + ": ");
    var body = Json.createObjectBuilder().add("username", username).add("password", password).build();
    var account = client().json(client().request("/auth/register", null)
        .POST(dev.ft.client.ServerClient.jsonBody(body)).header("Content-Type", "application/json").build())
        .asJsonObject();
    out().println("registered " + account.getString("username") + " on " + client().server()
        + "; log in with: ft login " + account.getString("username"));
  }
}
