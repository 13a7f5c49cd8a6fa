package dev.ft.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Every ft command against the real server (its WAR on Payara Micro over HTTPS), run in-process as
 * a person types them; the terminal cases run the built jar under script(1).
 */
class ClientIT {
  static final Path IT = Path.of(System.getProperty("ft.it.dir"));
  static final Path CACERT = IT.resolve("tls/certificate.pem");
  static final String SERVER = "https://localhost:" + System.getProperty("ft.it.port");
  static final String PASSWORD = "correct horse battery";
  static final AtomicInteger USERS = new AtomicInteger();
  static final String RUN_ID = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

  private Path home;
  private Run run;

  private static Process server;

  /**
   * The server's WAR as payara/serve runs it, on the test certificate, with a 4 MiB file limit so
   * the "too large" exit code is quick to reach.
   */
  @BeforeAll
  static void startServer() throws Exception {
    server =
        Machine.serve(
            IT,
            Integer.parseInt(System.getProperty("ft.it.port")),
            CACERT,
            Map.of(
                "FT_KEYSTORE",
                IT.resolve("tls/keystore.p12").toString(),
                "FT_KEYSTORE_PASSWORD",
                System.getProperty("ft.it.keystore.password"),
                "FT_ADMIN_PASSWORD",
                System.getProperty("ft.it.admin.password"),
                "FT_BCRYPT_COST",
                "4",
                "FT_MAX_FILE_SIZE",
                Long.toString(4 * Machine.MiB),
                // the tests register and upload in bulk from one address and one user
                "FT_REGISTRATION_MAX_PER_ADDRESS",
                "100000",
                "FT_MAX_CONCURRENT_UPLOADS_PER_USER",
                "64",
                "JAVA_OPTS",
                "-Xmx256m"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      Machine.stop(server);
    }
  }

  @BeforeEach
  void freshTerminal(TestInfo info) throws IOException {
    home =
        Files.createDirectories(
            IT.resolve("terminals").resolve(info.getTestMethod().orElseThrow().getName()));
    run = new Run(home.resolve("config"), CACERT, SERVER);
  }

  private String newUser(Run as) {
    String user = "cli" + RUN_ID + "-" + USERS.incrementAndGet();
    Run.Result registered = as.withStdin(PASSWORD + "\n", "register", user, "--password-stdin");
    assertEquals(0, registered.exitCode(), registered.toString());
    Run.Result login = as.withStdin(PASSWORD + "\n", "login", user, "--password-stdin");
    assertEquals(0, login.exitCode(), login.toString());
    return user;
  }

  private Path localFile(String name, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(Files.createDirectories(home.resolve("files")).resolve(name), bytes);
  }

  private static void assertOk(Run.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
  }

  private static void assertFails(int exitCode, String message, Run.Result result) {
    assertEquals(exitCode, result.exitCode(), result.toString());
    assertTrue(
        result.err().startsWith("ft: ") && result.err().contains(message), result.toString());
    assertEquals(
        1, result.err().strip().lines().count(), "one line, no stack trace: " + result.err());
  }

  @Test
  void loginKeepsAPrivateSessionAndLogoutRevokesIt() throws IOException {
    String user = newUser(run);
    Path session = home.resolve("config/session.properties");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(session.getParent())));
    String token =
        Files.readString(session)
            .lines()
            .filter(l -> l.startsWith("token="))
            .findFirst()
            .orElseThrow();
    assertTrue(run.ft("whoami").out().startsWith(user + " (user)"));

    assertOk(run.ft("logout"));
    assertFalse(Files.exists(session), "the session file is deleted");
    assertFails(Failure.AUTH, "not logged in", run.ft("whoami"));
    Files.writeString(session, "server=" + SERVER + "\nusername=" + user + "\n" + token + "\n");
    assertFails(Failure.AUTH, "", run.ft("ls"));
  }

  @Test
  void wrongPasswordsAndBadUsageHaveTheirExitCodes() {
    String user = newUser(run);
    assertFails(
        Failure.AUTH,
        "username or password is wrong",
        run.withStdin("nope nope\n", "login", user, "--password-stdin"));
    assertEquals(Failure.USAGE, run.ft("visibility", "x", "everyone").exitCode());
    assertEquals(Failure.USAGE, run.ft("no-such-command").exitCode());
    assertFails(Failure.USAGE, "OWNER/NAME", run.ft("get", "no-slash"));
    assertFails(
        Failure.USAGE,
        "no password on standard input",
        run.withStdin("", "login", user, "--password-stdin"));
  }

  @Test
  void uploadListDownloadAndTheNonTerminalSummary() throws IOException {
    newUser(run);
    Path one = localFile("one.bin", 3_000_000, 1);
    Path two = localFile("two words.txt", 1000, 2);
    Run.Result upload = run.ft("upload", one.toString(), two.toString());
    assertOk(upload);
    assertTrue(
        upload
            .out()
            .lines()
            .anyMatch(l -> l.matches("uploaded one\\.bin: 2\\.9 MiB in .* s \\(.*/s\\)")),
        "one summary line per file when not on a terminal: " + upload.out());
    assertFalse(
        upload.out().contains("█") || upload.err().contains("█"), "no bar without a terminal");
    Run.Result ls = run.ft("ls");
    assertTrue(
        ls.out().contains("one.bin")
            && ls.out().contains("two words.txt")
            && ls.out().contains("2.9 MiB"),
        ls.out());

    Path downloads = home.resolve("downloads");
    assertOk(run.ft("download", "one.bin", "-o", downloads.toString()));
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(downloads.resolve("one.bin")));
    assertFails(
        Failure.CONFLICT,
        "add --overwrite",
        run.ft("download", "one.bin", "-o", downloads.toString()));
    assertOk(run.ft("download", "one.bin", "-o", downloads.toString(), "--overwrite"));
    try (var left = Files.list(downloads)) {
      assertEquals(1, left.count(), "no part files are left behind");
    }

    Path empty = localFile("empty.txt", 0, 5);
    assertOk(run.ft("upload", empty.toString()));
    assertTrue(run.ft("ls").out().contains("empty.txt"));
    assertOk(run.ft("download", "empty.txt", "-o", downloads.toString()));
    assertEquals(0, Files.size(downloads.resolve("empty.txt")), "an empty file stays empty");
  }

  @Test
  void uploadsNeverReplaceByAccidentAndExplainMissingFiles() throws IOException {
    newUser(run);
    Path file = localFile("report.txt", 100, 3);
    assertOk(run.ft("upload", file.toString()));
    assertFails(
        Failure.CONFLICT,
        "'report.txt' already exists on the server: add --overwrite",
        run.ft("upload", file.toString()));
    assertOk(run.ft("upload", file.toString(), "--overwrite"));
    assertFails(
        Failure.NOT_FOUND,
        "file 'missing.txt' not found in " + home.resolve("files"),
        run.ft("upload", home.resolve("files/missing.txt").toString()));
    assertFails(
        Failure.TOO_LARGE,
        "maximum file size",
        run.ft("upload", localFile("big", 5_000_000, 4).toString()));
  }

  @Test
  void sharingPublishingAndGettingOthersFiles() throws IOException {
    String alice = newUser(run);
    Path file = localFile("plan.txt", 5000, 5);
    assertOk(run.ft("upload", file.toString()));
    Run bob = run.as(home.resolve("bob-config"));
    newUser(bob);
    Path bobsDownloads = home.resolve("bob-downloads");
    assertFails(
        Failure.NOT_FOUND,
        "no file 'plan.txt'",
        bob.ft("get", alice + "/plan.txt", "-o", bobsDownloads.toString()));

    assertTrue(run.ft("share", "plan.txt").out().contains("shared"));
    assertTrue(bob.ft("shared").out().contains(alice + "/plan.txt"));
    assertOk(bob.ft("get", alice + "/plan.txt", "-o", bobsDownloads.toString()));
    assertArrayEquals(
        Files.readAllBytes(file), Files.readAllBytes(bobsDownloads.resolve("plan.txt")));

    Run anonymous = run.as(home.resolve("nobody-config"));
    Path anonDownloads = home.resolve("anon-downloads");
    assertFails(
        Failure.NOT_FOUND,
        "",
        anonymous.ft("get", alice + "/plan.txt", "-o", anonDownloads.toString()));
    assertTrue(run.ft("publish", "plan.txt").out().contains("public"));
    assertTrue(anonymous.ft("public").out().contains(alice + "/plan.txt"));
    assertOk(anonymous.ft("get", alice + "/plan.txt", "-o", anonDownloads.toString()));
    assertTrue(run.ft("unshare", "plan.txt").out().contains("private"));
    assertTrue(
        run.ft("visibility", "plan.txt", "PUBLIC").out().contains("public"),
        "case does not matter");

    assertOk(run.ft("rm", "plan.txt"));
    assertFalse(run.ft("ls").out().contains("plan.txt"));
    assertFails(Failure.NOT_FOUND, "no file 'plan.txt'", run.ft("rm", "plan.txt"));
  }

  @Test
  void aShareLinkIsMadeListedFetchedWithItsPasswordAndRevoked() throws IOException {
    newUser(run);
    Path file = localFile("handout.pdf", 200_000, 7);
    assertOk(run.ft("upload", file.toString()));
    Run.Result made =
        run.withStdin(
            "open sesame 42\n",
            "link",
            "handout.pdf",
            "--expires",
            "2d",
            "--password-stdin",
            "--max-downloads",
            "2");
    assertOk(made);
    String url = made.out().lines().findFirst().orElseThrow();
    assertTrue(url.startsWith(SERVER + "/s/"), "the URL comes first: " + made);
    String id =
        made.out()
            .lines()
            .filter(l -> l.startsWith("link "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];
    assertTrue(run.ft("links").out().contains(id), "listed");

    Run stranger = run.as(home.resolve("stranger-config"));
    Path got = home.resolve("stranger-downloads");
    assertFails(
        Failure.NOT_FOUND,
        "password is wrong",
        stranger.withStdin(
            "wrong password\n", "get", url, "--password-stdin", "-o", got.toString()));
    assertOk(
        stranger.withStdin(
            "open sesame 42\n", "get", url, "--password-stdin", "-o", got.toString()));
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(got.resolve("handout.pdf")));
    assertTrue(run.ft("links").out().contains("1 of 2 downloads"), run.ft("links").toString());

    assertOk(run.ft("unlink", id));
    assertFalse(run.ft("links").out().contains(id), "revoked");
    assertFails(
        Failure.NOT_FOUND,
        "does not exist",
        stranger.withStdin(
            "open sesame 42\n",
            "get",
            url,
            "--password-stdin",
            "-o",
            got.toString(),
            "--overwrite"));
    assertEquals(Failure.USAGE, run.ft("link", "handout.pdf").exitCode(), "--expires is required");
    assertFails(Failure.USAGE, "at most", run.ft("link", "handout.pdf", "--expires", "400d"));
    assertFails(Failure.NOT_FOUND, "no link", run.ft("unlink", id));
  }

  @Test
  void aDropIsMadeListedAndRevoked() {
    String me = newUser(run);
    Run.Result made = run.ft("drop", "--expires", "3d", "--max-files", "20", "--max-bytes", "2GiB");
    assertOk(made);
    String url = made.out().lines().findFirst().orElseThrow();
    assertTrue(url.startsWith(SERVER + "/d/"), "the URL comes first: " + made);
    String id =
        made.out()
            .lines()
            .filter(l -> l.startsWith("drop "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];
    assertTrue(made.out().contains("into " + me + "'s files"), made.toString());
    Run.Result listed = run.ft("drops");
    assertTrue(
        listed.out().contains(id) && listed.out().contains("0 of 20 files, 0 B of 2.0 GiB"),
        listed.toString());
    assertOk(run.ft("undrop", id));
    assertTrue(run.ft("drops").out().contains("(no drops)"));
    assertFails(Failure.NOT_FOUND, "no drop", run.ft("undrop", id));
    assertFails(
        Failure.USAGE, "not a size", run.ft("drop", "--expires", "1d", "--max-bytes", "lots"));
    assertFails(Failure.USAGE, "maxFiles", run.ft("drop", "--expires", "1d", "--max-files", "0"));
  }

  @Test
  void largeFilesGoInResumablePiecesAndUnfinishedOnesAreListedAndCancelled() throws Exception {
    newUser(run);
    Path file = localFile("big.bin", 3_500_000, 9);
    Run.Result sent = run.ft("upload", file.toString(), "--resumable-above", "1MiB");
    assertOk(sent);
    assertTrue(sent.out().contains("stored"), sent.toString());
    Path downloads = Files.createDirectories(home.resolve("downloads"));
    assertOk(run.ft("download", "big.bin", "-o", downloads.toString()));
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(downloads.resolve("big.bin")));
    assertTrue(run.ft("uploads").out().contains("(no unfinished uploads)"), "none left behind");
    assertFails(
        Failure.CONFLICT,
        "already exists",
        run.ft("upload", file.toString(), "--resumable-above", "1MiB"));
    assertOk(run.ft("upload", file.toString(), "--resumable-above", "1MiB", "--overwrite"));
    assertFails(
        Failure.TOO_LARGE,
        "maximum file size",
        run.ft(
            "upload",
            localFile("huge.bin", 5_000_000, 10).toString(),
            "--resumable-above",
            "1MiB"));
    assertTrue(run.ft("uploads").out().contains("(no unfinished uploads)"), "nothing reserved");
    assertFails(Failure.NOT_FOUND, "no unfinished upload", run.ft("uploads", "--cancel", "x"));
  }

  @Test
  void anUploadWhoseLastAnswerIsLostEndsWithTheFileTheServerStored() throws IOException {
    try (AnswerCuttingProxy proxy =
        new AnswerCuttingProxy(Integer.parseInt(System.getProperty("ft.it.port")))) {
      Run viaProxy = new Run(home.resolve("config"), CACERT, "https://localhost:" + proxy.port());
      newUser(viaProxy);
      int size = 3_500_000;
      Path file = localFile("answerless.bin", size, 11);
      proxy.loseAnswerAfter(size); // every piece has gone up: the last piece's answer is lost

      Run.Result sent = viaProxy.ft("upload", file.toString(), "--resumable-above", "1MiB");
      assertEquals(1, proxy.cuts(), "the answer was lost");
      assertOk(sent);
      assertTrue(sent.out().contains("stored"), sent.toString());
      Path downloads = Files.createDirectories(home.resolve("downloads"));
      assertOk(viaProxy.ft("download", "answerless.bin", "-o", downloads.toString()));
      assertEquals(-1, Files.mismatch(file, downloads.resolve("answerless.bin")));
    }
  }

  @Test
  void anInterruptedDownloadResumesWhereItStopped() throws IOException {
    newUser(run);
    Path file = localFile("movie.bin", 3_500_000, 6);
    assertOk(run.ft("upload", file.toString()));
    Path downloads = Files.createDirectories(home.resolve("downloads"));
    String etag = "\"" + sha256Hex(Files.readAllBytes(file)) + "\"";
    byte[] firstHalf = Arrays.copyOf(Files.readAllBytes(file), 1_000_000);
    Files.write(downloads.resolve(".movie.bin.part"), firstHalf);
    Files.writeString(downloads.resolve(".movie.bin.part.etag"), etag);

    Run.Result resumed = run.ft("--verbose", "download", "movie.bin", "-o", downloads.toString());
    assertOk(resumed);
    assertTrue(
        resumed.err().contains("> Range: bytes=1000000-") && resumed.err().contains("< 206"),
        "only the rest was asked for: " + resumed.err());
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(downloads.resolve("movie.bin")));
    assertFalse(Files.exists(downloads.resolve(".movie.bin.part")));
  }

  @Test
  void aDigestMismatchKeepsNothing() throws IOException {
    newUser(run);
    Path file = localFile("data.bin", 2_000_000, 7);
    assertOk(run.ft("upload", file.toString()));
    Path downloads = Files.createDirectories(home.resolve("downloads"));
    Files.write(
        downloads.resolve(".data.bin.part"), new byte[500_000]); // not the file's first bytes
    Files.writeString(
        downloads.resolve(".data.bin.part.etag"),
        "\"" + sha256Hex(Files.readAllBytes(file)) + "\"");

    assertFails(
        Failure.SERVER,
        "do not match the server's SHA-256",
        run.ft("download", "data.bin", "-o", downloads.toString()));
    try (var left = Files.list(downloads)) {
      assertEquals(0, left.count(), "neither the file nor its part is kept");
    }
    assertOk(run.ft("download", "data.bin", "-o", downloads.toString()));
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(downloads.resolve("data.bin")));
  }

  @Test
  void adminCommandsManageEveryUser() throws IOException {
    String alice = newUser(run);
    Run admin = run.as(home.resolve("admin-config"));
    assertOk(
        admin.withStdin(
            System.getProperty("ft.it.admin.password") + "\n",
            "login",
            "admin",
            "--password-stdin"));
    assertFails(Failure.FORBIDDEN, "role", run.ft("admin", "users"));

    assertTrue(admin.ft("admin", "users").out().contains(alice));
    Path file = localFile("from-admin.txt", 300, 8);
    assertOk(admin.ft("admin", "put", alice, file.toString()));
    assertTrue(admin.ft("admin", "ls", alice).out().contains("from-admin.txt"));
    assertTrue(run.ft("ls").out().contains("from-admin.txt"), "alice sees it in her area");
    assertTrue(
        admin
            .ft("admin", "visibility", alice, "from-admin.txt", "public")
            .out()
            .contains("public"));
    Path adminDownloads = home.resolve("admin-downloads");
    assertOk(admin.ft("admin", "get", alice, "from-admin.txt", "-o", adminDownloads.toString()));
    assertArrayEquals(
        Files.readAllBytes(file), Files.readAllBytes(adminDownloads.resolve("from-admin.txt")));
    assertOk(admin.ft("admin", "rm", alice, "from-admin.txt"));
    assertTrue(admin.ft("admin", "role", alice, "admin").out().contains("is now admin"));
    assertTrue(run.ft("whoami").out().contains("(admin)"));
    assertOk(admin.ft("admin", "role", alice, "user"));
    Run.Result audit = admin.ft("admin", "audit", "--user", alice, "--limit", "5");
    assertOk(audit);
    assertTrue(audit.out().contains("role") && audit.out().contains("delete"), audit.out());
    assertOk(admin.ft("admin", "rm-user", alice));
    assertFails(Failure.AUTH, "", run.ft("ls"));
    assertFails(Failure.NOT_FOUND, "no user", admin.ft("admin", "ls", alice));
  }

  @Test
  void networkAndTlsProblemsSayWhatToDo() {
    assertFails(
        Failure.NETWORK,
        "cannot connect to https://localhost:1: connection refused — is the server running?",
        Run.raw(null, "--server", "https://localhost:1", "public"));
    assertFails(
        Failure.NETWORK,
        "certificate not trusted: use --cacert FILE",
        Run.raw(null, "--server", SERVER, "public"));
    Run.Result insecure = Run.raw(null, "--server", SERVER, "--insecure", "public");
    assertOk(insecure);
    assertTrue(
        insecure.err().contains("warning: --insecure"), "it warns every time: " + insecure.err());
  }

  @Test
  void onATerminalTransfersDrawABarAndTheShellRunsCommands() throws Exception {
    String user = newUser(run);
    Path file = localFile("bar.bin", 4_000_000, 9);
    String ft =
        Path.of(System.getProperty("java.home"), "bin", "java")
            + " -jar "
            + System.getProperty("ft.it.jar")
            + " --server "
            + SERVER
            + " --cacert "
            + CACERT
            + " --config-dir "
            + home.resolve("config");
    String upload = underTerminal(ft + " upload '" + file + "'", "");
    assertTrue(
        upload.contains("█") && upload.contains("MiB") && upload.contains("%"),
        "a progress bar: " + upload);
    assertTrue(upload.contains("uploaded bar.bin"), upload);
    String shell = underTerminal(ft, "whoami\nls\nexit\n");
    assertTrue(
        shell.contains("ft shell on")
            && shell.contains(user + " (user)")
            && shell.contains("bar.bin"),
        "the shell ran both commands: " + shell);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(home.resolve("config").resolve("history"))),
        "the history is private");
  }

  @Test
  void theShellReadsPipedCommandsQuietly() throws Exception {
    String user = newUser(run);
    Process shell =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("ft.it.jar"),
                "--server",
                SERVER,
                "--cacert",
                CACERT.toString(),
                "--config-dir",
                home.resolve("config").toString(),
                "shell")
            .redirectErrorStream(true)
            .start();
    shell.getOutputStream().write("whoami\n\nexit\n".getBytes(StandardCharsets.UTF_8));
    shell.getOutputStream().close();
    String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(shell.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, shell.exitValue(), output);
    assertEquals(
        user + " (user) on " + SERVER, output.strip(), "the command's answer and nothing else");
  }

  /** Runs a command line under script(1), so it sees a terminal; {@code input} is typed into it. */
  private String underTerminal(String command, String input) throws Exception {
    Process process =
        new ProcessBuilder("script", "-qec", command, "/dev/null")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    return new String(output, StandardCharsets.UTF_8);
  }

  private static String sha256Hex(byte[] bytes) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }
}
