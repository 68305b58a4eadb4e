package io.argo4j.cli;

/**
 * A failure a command reports to the user as one line, {@code argo4j <verb>: <message>}, with its
 * exit code and no stack trace. Anything else a command throws is treated as an internal error.
 */
public final class CliException extends Exception {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** One of {@link ExitCodes}. */
  public int exitCode() {
    return exitCode;
  }
}
