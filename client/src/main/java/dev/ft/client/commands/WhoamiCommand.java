package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import picocli.CommandLine.Command;

@Command(name = "whoami", description = "Show who you are logged in as.")
public class WhoamiCommand extends FtCommand {
  @Override
  protected void run() {
    var me =
        client()
            .json(client().request("/auth/me", ft().requireSession()).GET().build())
            .asJsonObject();
    out()
        .println(
            me.getString("username") + " (" + me.getString("role") + ") on " + client().server());
  }
}
