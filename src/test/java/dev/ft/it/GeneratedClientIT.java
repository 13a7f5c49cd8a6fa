package dev.ft.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ft.generated.ApiClient;
import dev.ft.generated.ApiException;
import dev.ft.generated.api.AccountsApi;
import dev.ft.generated.api.MyFilesApi;
import dev.ft.generated.api.ShareLinksApi;
import dev.ft.generated.api.SharedAndPublicFilesApi;
import dev.ft.generated.model.Credentials;
import dev.ft.generated.model.Link;
import dev.ft.generated.model.ModelFile;
import dev.ft.generated.model.NewLink;
import dev.ft.generated.model.VisibilityChange;
import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an integrator does: generate a Java client from the API description (the build does, with
 * openapi-generator's native flavour) and use it. Register, log in, upload, list, share, download.
 */
class GeneratedClientIT extends ServerIT {

  private static ApiClient client(String token) {
    ApiClient client =
        new ApiClient(
            HttpClient.newBuilder().sslContext(api.http().sslContext()),
            ApiClient.createDefaultObjectMapper(),
            api.uri("").toString());
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }

  private static String login(AccountsApi accounts, String username) throws ApiException {
    assertEquals(
        username,
        accounts
            .registerAccount(new Credentials().username(username).password(Api.PASSWORD))
            .getUsername());
    return accounts.login(new Credentials().username(username).password(Api.PASSWORD)).getToken();
  }

  @Test
  void anIntegratorDrivesTheApiThroughAGeneratedClient(@TempDir Path dir) throws Exception {
    AccountsApi accounts = new AccountsApi(client(null));
    String alice = Api.newUsername("gen");
    String bob = Api.newUsername("gen");
    String aliceToken = login(accounts, alice);
    String bobToken = login(accounts, bob);
    assertEquals(alice, new AccountsApi(client(aliceToken)).getMe().getUsername());

    byte[] bytes = new byte[200_000];
    new Random(11).nextBytes(bytes);
    Path report = Files.write(dir.resolve("report.bin"), bytes);
    Path notes = Files.writeString(dir.resolve("notes.txt"), "some notes");
    MyFilesApi files = new MyFilesApi(client(aliceToken));
    // The form upload: the native flavour sends a PUT's File body as JSON (its path), not bytes.
    List<ModelFile> stored = files.uploadFiles(List.of(report.toFile(), notes.toFile()), false);
    assertEquals(
        List.of("report.bin", "notes.txt"), stored.stream().map(ModelFile::getName).toList());
    assertEquals(bytes.length, stored.get(0).getSize());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        stored.get(0).getSha256());
    assertEquals(
        List.of("notes.txt", "report.bin"),
        files.listMyFiles().stream().map(ModelFile::getName).sorted().toList());

    files.changeFileVisibility(
        "report.bin", new VisibilityChange().visibility(VisibilityChange.VisibilityEnum.SHARED));
    SharedAndPublicFilesApi shared = new SharedAndPublicFilesApi(client(bobToken));
    assertTrue(
        shared.listSharedFiles().stream()
            .anyMatch(f -> f.getOwner().equals(alice) && f.getName().equals("report.bin")));
    File got = shared.downloadSharedFile(alice, "report.bin", null, null, null);
    assertArrayEquals(bytes, Files.readAllBytes(got.toPath()));
    ApiException hidden =
        assertThrows(
            ApiException.class,
            () -> shared.downloadSharedFile(alice, "notes.txt", null, null, null));
    assertEquals(404, hidden.getCode());

    Link link =
        new ShareLinksApi(client(aliceToken))
            .createLink(new NewLink()._file("notes.txt").expiresIn("1h").maxDownloads(1));
    String key = link.getUrl().substring(link.getUrl().lastIndexOf('/') + 1);
    File viaLink = new ShareLinksApi(client(null)).downloadLink(key, null, null, null);
    assertEquals("some notes", Files.readString(viaLink.toPath()));
  }
}
