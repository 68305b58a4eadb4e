package io.argo4j.cli.commands;

import picocli.CommandLine.Command;

/** {@code argo4j auth}: as {@code argo auth}. */
@Command(
    name = "auth",
    description = "Manage authentication.",
    subcommands = AuthCommand.Token.class)
public final class AuthCommand extends GroupCommand {

  /** {@code argo4j auth token}. */
  @Command(name = "token", description = "Print the bearer token of the current user.")
  public static final class Token extends NotImplementedCommand {}
}
