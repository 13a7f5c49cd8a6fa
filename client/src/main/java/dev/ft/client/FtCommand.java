package dev.ft.client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand reaches: the shared options, the server, the output. */
public abstract class FtCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;
  private Ft ft;

  /** The top command, handed over by {@link Ft#commandLine}'s factory as it makes this one. */
  void belongTo(Ft top) {
    this.ft = top;
  }

  public Ft ft() {
    return ft;
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
