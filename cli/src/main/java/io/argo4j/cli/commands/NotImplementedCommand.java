package io.argo4j.cli.commands;

import io.argo4j.cli.ExitCodes;

/**
 * A verb that is declared, with its flags, but does nothing yet: it says so on one line and exits
 * 2. Help lists such verbs apart from the ones that work.
 *
 * <p>To implement a verb, make its class extend {@link BaseCommand} instead and write {@code
 * call()}.
 */
public abstract class NotImplementedCommand extends BaseCommand {
  @Override
  public final Integer call() {
    err()
        .println(
            spec.qualifiedName()
                + ": not implemented yet (see `argo4j --help` for what works today)");
    return ExitCodes.USAGE;
  }
}
