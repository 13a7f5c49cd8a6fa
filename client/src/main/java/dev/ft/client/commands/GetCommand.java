package dev.ft.client.commands;

import dev.ft.client.Failure;
import dev.ft.client.FtCommand;
import dev.ft.client.Passwords;
import dev.ft.client.ServerClient;
import dev.ft.client.Session;
import dev.ft.client.Transfers;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "get",
    description =
        "Download someone's shared file, a public one without logging in, or a share link's file.")
public class GetCommand extends FtCommand {
  @Parameters(paramLabel = "OWNER/NAME|URL")
  String what;

  @Option(names = "--password-stdin", description = "A share link's password, from standard input.")
  boolean passwordStdin;

  @Mixin SaveOptions save;

  @Override
  protected void run() {
    if (what.startsWith("https://") || what.startsWith("http://")) {
      getLink(URI.create(what));
      return;
    }
    int slash = what.indexOf('/');
    if (slash <= 0 || slash == what.length() - 1) {
      throw new Failure(
          Failure.USAGE, "give the file as OWNER/NAME, e.g. alice/report.pdf, or a link's URL");
    }
    String owner = what.substring(0, slash);
    String name = what.substring(slash + 1);
    Session session = ft().session().orElse(null);
    String path =
        (session == null ? "/public/" : "/shared/")
            + ServerClient.segment(owner)
            + "/"
            + ServerClient.segment(name);
    new Transfers(client(), ft().quiet(), out())
        .download(session, path, save.dir, name, save.overwrite);
  }

  /**
   * A share link: its file's name comes from a HEAD first (which a link does not count), and so
   * does whether it has a password; then the download, resumable like any other.
   */
  private void getLink(URI page) {
    String path = page.getPath();
    if (path == null || !path.startsWith("/s/")) {
      throw new Failure(Failure.USAGE, "a share link looks like https://HOST/s/KEY");
    }
    URI download = page.resolve(path.endsWith("/download") ? path : path + "/download");
    Supplier<HttpRequest.Builder> requests = () -> HttpRequest.newBuilder(download);
    HttpResponse<?> head;
    try {
      head = headOf(requests);
    } catch (ServerClient.ServerFailure e) {
      if (e.status() != 401) {
        throw e;
      }
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (":" + Passwords.read(passwordStdin, "Password for the link: "))
                          .getBytes(StandardCharsets.UTF_8));
      requests = () -> HttpRequest.newBuilder(download).header("Authorization", basic);
      head = headOf(requests);
    }
    String name =
        fileName(head.headers().firstValue("Content-Disposition").orElse(""))
            .orElseThrow(() -> new Failure(Failure.SERVER, "the link's answer names no file"));
    Transfers.requireLocalName(name);
    new Transfers(client(), ft().quiet(), out()).download(requests, save.dir, name, save.overwrite);
  }

  /** A HEAD answers without a body, so a refusal is put in words here. */
  private HttpResponse<?> headOf(Supplier<HttpRequest.Builder> requests) {
    try {
      return client()
          .send(requests.get().method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    } catch (ServerClient.ServerFailure e) {
      if (e.status() == 404) {
        throw new Failure(
            Failure.NOT_FOUND,
            "this link does not exist, has expired, was revoked or used up, or the password is"
                + " wrong");
      }
      throw e;
    }
  }

  /** RFC 6266: the exact name from {@code filename*}, else the plain {@code filename}. */
  static Optional<String> fileName(String disposition) {
    for (String part : disposition.split(";")) {
      String p = part.strip();
      if (p.startsWith("filename*=UTF-8''")) {
        return Optional.of(
            URLDecoder.decode(
                p.substring("filename*=UTF-8''".length()).replace("+", "%2B"),
                StandardCharsets.UTF_8));
      }
    }
    for (String part : disposition.split(";")) {
      String p = part.strip();
      if (p.startsWith("filename=\"") && p.endsWith("\"")) {
        return Optional.of(p.substring(10, p.length() - 1));
      }
    }
    return Optional.empty();
  }
}
