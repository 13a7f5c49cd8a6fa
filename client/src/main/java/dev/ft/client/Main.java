package dev.ft.client;

/** The entry point of ft.jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Ft.commandLine().execute(args));
  }
}
