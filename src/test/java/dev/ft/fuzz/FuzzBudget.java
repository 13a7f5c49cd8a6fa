package dev.ft.fuzz;

/** How long fuzz targets run when the build fuzzes (JAZZER_FUZZ=1; pom.xml, profile fuzz). */
public final class FuzzBudget {
  /**
   * Each target in its own JVM, one after another: six targets take about two and a half minutes.
   */
  public static final String PER_TARGET = "15s";

  /** Longer than a whole fuzzing run, far longer than any one input may take. */
  public static final long TIMEOUT_SECONDS = 60;

  private FuzzBudget() {}
}
