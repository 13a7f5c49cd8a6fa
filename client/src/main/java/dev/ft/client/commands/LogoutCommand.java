package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.FtCommand;
import dev.ft.client.ServerClient;
import dev.ft.client.Session;
import java.net.http.HttpRequest;
import picocli.CommandLine.Command;

@Command(
    name = "logout",
    description = "Revoke the session's token on the server and forget it here.")
public class LogoutCommand extends FtCommand {
  @Override
  protected void run() {
    Session session = ft().requireSession();
    try {
      client()
          .send(
              client()
                  .request("/auth/logout", session)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
    } catch (ServerClient.ServerFailure e) {
      if (e.exitCode() != Failure.AUTH) {
        throw e; // an expired token is as good as revoked
      }
    }
    Session.delete(ft().configDir());
    out().println("logged out " + session.username());
  }
}
