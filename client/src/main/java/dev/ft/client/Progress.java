package dev.ft.client;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A transfer's progress: a bar with bytes, rate and time left when a person watches a terminal, and
 * in every case one summary line per file when it is done.
 */
public final class Progress implements AutoCloseable {
  private final String verb;
  private final String name;
  private final PrintWriter out;
  private final ProgressBar bar;
  private final long started = System.nanoTime();
  private long bytes;

  private Progress(String verb, String name, long total, boolean showBar, PrintWriter out) {
    this.verb = verb;
    this.name = name;
    this.out = out;
    this.bar =
        showBar
            ? new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(Math.max(total, 0))
                .setUnit("MiB", 1024 * 1024)
                .showSpeed()
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .build()
            : null;
  }

  public static Progress start(
      String verb, String name, long total, boolean quiet, PrintWriter out) {
    return new Progress(verb, name, total, !quiet && isTerminal(), out);
  }

  /** True when standard output is a terminal a person watches. */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try { // Java 22+: a console exists even when redirected; ask whether it is a terminal
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  public void add(long n) {
    bytes += n;
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  /** Counts bytes already there (a resumed download) without counting them as transferred now. */
  public void skip(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  public void done(long total) {
    close();
    double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
    out.println(
        String.format(
            Locale.ROOT,
            "%s %s: %s in %.1f s (%s/s)",
            verb,
            name,
            Sizes.human(total),
            seconds,
            Sizes.human((long) (bytes / seconds))));
    out.flush();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
