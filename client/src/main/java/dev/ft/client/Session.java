package dev.ft.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The logged-in session: server, username and token, kept in {@code session.properties} in the
 * user's config folder, readable by that user only.
 */
public record Session(String server, String username, String token) {
  static final String FILE = "session.properties";

  public static Optional<Session> load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String token = p.getProperty("token");
    return token == null
        ? Optional.empty()
        : Optional.of(
            new Session(p.getProperty("server", ""), p.getProperty("username", ""), token));
  }

  public void save(Path configDir) {
    try {
      Files.createDirectories(configDir);
      Files.setPosixFilePermissions(configDir, PosixFilePermissions.fromString("rwx------"));
      Path file = configDir.resolve(FILE);
      Path temp = configDir.resolve(FILE + ".new");
      Files.deleteIfExists(temp);
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Properties p = new Properties();
      p.setProperty("server", server);
      p.setProperty("username", username);
      p.setProperty("token", token);
      try (var out = Files.newOutputStream(temp)) {
        p.store(out, "ft session: keep this file private");
      }
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new Failure(
          Failure.USAGE, "cannot save the session in " + configDir + ": " + e.getMessage());
    }
  }

  public static void delete(Path configDir) {
    try {
      Files.deleteIfExists(configDir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where sessions and history live: $XDG_CONFIG_HOME/ft, else $HOME/.config/ft. */
  public static Path defaultConfigDir() {
    return configDirFrom(System.getenv(), System.getProperty("user.home"));
  }

  /**
   * $HOME wins over Java's {@code user.home}, which comes from the password database: scripts,
   * containers and tests that set HOME expect every tool to follow it.
   */
  static Path configDirFrom(java.util.Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "ft");
    }
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : userHome, ".config", "ft");
  }
}
