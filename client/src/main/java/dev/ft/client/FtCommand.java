package dev.ft.client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand reaches: the shared options, the server, the output. */
public abstract class FtCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  public Ft ft() {
    return (Ft) spec.root().userObject();
  }

  public ServerClient client() {
    return ft().client();
  }

  public PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() throws Exception {
    run();
    out().flush();
    return 0;
  }

  protected abstract void run() throws Exception;
}
