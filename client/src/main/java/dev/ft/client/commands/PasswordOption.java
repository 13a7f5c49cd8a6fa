package dev.ft.client.commands;

import dev.ft.client.Passwords;
import picocli.CommandLine.Option;

/** How a command gets a password: a prompt that does not echo, or standard input. */
public class PasswordOption {
  @Option(names = "--password-stdin", description = "Read the password from standard input.")
  boolean passwordStdin;

  String read(String username) {
    return Passwords.read(passwordStdin, "Password for " + username + ": ");
  }
}
