package dev.ft.client;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Passwords come from a prompt that does not echo, or from standard input; never from an argument.
 */
public final class Passwords {
  private Passwords() {}

  public static String read(boolean fromStdin, String prompt) {
    if (fromStdin) {
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw new Failure(Failure.USAGE, "no password on standard input");
        }
        return line;
      } catch (IOException e) {
        throw new Failure(Failure.USAGE, "cannot read the password from standard input");
      }
    }
    Console console = System.console();
    char[] password = console == null ? null : console.readPassword(prompt);
    if (password == null) {
      throw new Failure(Failure.USAGE, "no terminal to ask for the password: use --password-stdin");
    }
    return new String(password);
  }
}
