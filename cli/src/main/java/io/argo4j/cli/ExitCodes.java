package io.argo4j.cli;

/**
 * Exit codes of every {@code argo4j} command, so scripts can tell a failed workflow from a typo.
 *
 * <p>They follow picocli's {@link picocli.CommandLine.ExitCode} for 0, 1 and 2.
 */
public final class ExitCodes {
  /** The command did what was asked; for {@code run}, the workflow Succeeded. */
  public static final int OK = 0;

  /**
   * The command ran but the outcome is a failure: a workflow Failed or Errored, lint found errors.
   */
  public static final int FAILURE = 1;

  /** The command line is wrong (unknown option, missing argument), or the verb is not there yet. */
  public static final int USAGE = 2;

  /** A bug in argo4j: an exception nobody expected. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
