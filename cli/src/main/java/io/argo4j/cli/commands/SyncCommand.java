package io.argo4j.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j sync}: semaphore limits, as {@code argo sync}. */
@Command(
    name = "sync",
    description = "Manage synchronization limits (semaphores).",
    subcommands = {
      SyncCommand.Create.class,
      SyncCommand.Get.class,
      SyncCommand.Update.class,
      SyncCommand.Delete.class
    })
public final class SyncCommand extends GroupCommand {

  /** Where a limit lives. */
  static final class LimitOptions {
    @Parameters(paramLabel = "KEY", description = "Key of the limit.")
    String key;

    @Option(
        names = "--type",
        required = true,
        paramLabel = "TYPE",
        description = "Where the limit is stored: configmap or database.")
    String type;

    @Option(
        names = "--cm-name",
        paramLabel = "NAME",
        description = "ConfigMap name, with --type configmap.")
    String configMapName;
  }

  /** {@code argo4j sync create}. */
  @Command(name = "create", description = "Create a synchronization limit.")
  public static final class Create extends NotImplementedCommand {
    @Mixin private LimitOptions limit;

    @Option(names = "--limit", required = true, paramLabel = "N", description = "The limit.")
    private int value;
  }

  /** {@code argo4j sync get}. */
  @Command(name = "get", description = "Display a synchronization limit.")
  public static final class Get extends NotImplementedCommand {
    @Mixin private LimitOptions limit;
  }

  /** {@code argo4j sync update}. */
  @Command(name = "update", description = "Change a synchronization limit.")
  public static final class Update extends NotImplementedCommand {
    @Mixin private LimitOptions limit;

    @Option(names = "--limit", required = true, paramLabel = "N", description = "The new limit.")
    private int value;
  }

  /** {@code argo4j sync delete}. */
  @Command(name = "delete", description = "Delete a synchronization limit.")
  public static final class Delete extends NotImplementedCommand {
    @Mixin private LimitOptions limit;
  }
}
