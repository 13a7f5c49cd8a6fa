package dev.ft.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Machine commands the fault tests need around the server (mounts, the database service). */
final class Commands {
  private Commands() {}

  /** Runs the command to its end, its output in the test's; anything but exit 0 fails the test. */
  static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertEquals(0, process.waitFor(), String.join(" ", command) + " failed");
  }
}
