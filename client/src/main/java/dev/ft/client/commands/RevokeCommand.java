package dev.ft.client.commands;

import dev.ft.client.FtCommand;
import dev.ft.client.ServerClient;
import picocli.CommandLine.Parameters;

/** Revokes one of the caller's links or drops by its id, at once. */
abstract class RevokeCommand extends FtCommand {
  @Parameters(paramLabel = "ID")
  String id;

  private final String collection;
  private final String what;

  RevokeCommand(String collection, String what) {
    this.collection = collection;
    this.what = what;
  }

  @Override
  protected void run() {
    client()
        .send(
            client()
                .request(collection + ServerClient.segment(id), ft().requireSession())
                .DELETE()
                .build());
    out().println("revoked " + what + " " + id);
  }
}
