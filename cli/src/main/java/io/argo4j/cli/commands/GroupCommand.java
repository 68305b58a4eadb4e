package io.argo4j.cli.commands;

import io.argo4j.cli.ExitCodes;

/** A verb that only groups others ({@code template}, {@code cron}): alone, it prints its help. */
public abstract class GroupCommand extends BaseCommand {
  @Override
  public final Integer call() {
    spec.commandLine().usage(out());
    return ExitCodes.OK;
  }
}
