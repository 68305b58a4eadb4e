package io.argo4j.cli.commands;

import io.argo4j.cli.Argo4jCommand;
import io.argo4j.cli.LogLevel;
import io.argo4j.cli.Style;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code argo4j} verb has: {@code -h/--help}, its output streams, the colour style and
 * the global flags.
 *
 * <p>A verb returns one of {@link io.argo4j.cli.ExitCodes} from {@link #call()}, and throws {@link
 * io.argo4j.cli.CliException} for a failure the user should read as one line. Write to {@link
 * #out()} and {@link #err()}, never to {@code System.out}, so tests can capture the output.
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean helpRequested;

  protected final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** The colours to use; plain when the command runs outside {@code argo4j} (a unit test). */
  protected final Style style() {
    return root() instanceof Argo4jCommand root ? root.style() : Style.PLAIN;
  }

  /** The global {@code -n/--namespace}. */
  protected final String namespace() {
    return root() instanceof Argo4jCommand root ? root.namespace() : "default";
  }

  /** The global {@code --loglevel}, or debug with {@code -v}. */
  protected final LogLevel logLevel() {
    return root() instanceof Argo4jCommand root ? root.logLevel() : LogLevel.INFO;
  }

  /** The global {@code -v/--verbose}. */
  protected final boolean verbose() {
    return root() instanceof Argo4jCommand root && root.verbose();
  }

  private Object root() {
    return spec.root().userObject();
  }
}
