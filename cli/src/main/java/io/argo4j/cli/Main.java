package io.argo4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;

/** The {@code argo4j} process: runs one command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
    PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
    int exitCode = run(args, out, err, System.getenv(), Help.Ansi.AUTO);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * Runs one command line and returns its exit code (see {@link ExitCodes}); never throws.
   *
   * @param terminal whether the terminal takes colour; {@link Help.Ansi#AUTO} for a real process
   */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Help.Ansi terminal) {
    try {
      Style style = Style.detect(terminal, env, List.of(args));
      return Cli.commandLine(style, out, err).execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands command failures to Cli's handlers; this is for what escapes them (an Error,
      // a broken command declaration).
      err.println(Cli.internalError(e));
      if (List.of(args).contains("-v") || List.of(args).contains("--verbose")) {
        e.printStackTrace(err);
      } else {
        err.println("run with -v for details");
      }
      err.flush();
      return ExitCodes.INTERNAL;
    }
  }
}
