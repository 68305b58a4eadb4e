package io.argo4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** One in-process {@code argo4j} invocation with its output captured. */
record Run(int exitCode, String out, String err) {

  static Run argo4j(String... args) {
    return argo4j(Map.of(), Help.Ansi.OFF, args);
  }

  /** As {@link Main#run}: colour decided from {@code env}, {@code args} and the terminal. */
  static Run argo4j(Map<String, String> env, Help.Ansi terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, terminal);
    return new Run(code, out.toString(), err.toString());
  }

  /** With extra commands added to the tree first (tests of error handling). */
  static Run argo4j(Consumer<CommandLine> setup, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine commandLine = Cli.commandLine(Style.PLAIN, outWriter, errWriter);
    setup.accept(commandLine);
    // Settings reach the subcommands present when they are made: set the streams again.
    commandLine.setOut(outWriter);
    commandLine.setErr(errWriter);
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
