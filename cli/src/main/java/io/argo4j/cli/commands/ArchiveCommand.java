package io.argo4j.cli.commands;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j archive}: the workflow archive, as {@code argo archive}. */
@Command(
    name = "archive",
    description = "Manage archived workflows.",
    subcommands = {
      ArchiveCommand.ListArchived.class,
      ArchiveCommand.Get.class,
      ArchiveCommand.Delete.class,
      ArchiveCommand.Retry.class,
      ArchiveCommand.Resubmit.class,
      ArchiveCommand.ListLabelKeys.class,
      ArchiveCommand.ListLabelValues.class
    })
public final class ArchiveCommand extends GroupCommand {

  /** {@code argo4j archive list}. */
  @Command(name = "list", description = "List archived workflows.")
  public static final class ListArchived extends NotImplementedCommand {
    @Option(
        names = {"-l", "--selector"},
        paramLabel = "SELECTOR",
        description = "Label selector, such as key1=value1.")
    private String selector;

    @Option(
        names = "--chunk-size",
        paramLabel = "N",
        description = "Fetch in pages of this size (0: all at once).")
    private long chunkSize;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        defaultValue = "wide",
        description = "Output format: json, yaml, wide or name (default: ${DEFAULT-VALUE}).")
    private String output;
  }

  /** {@code argo4j archive get}. */
  @Command(name = "get", description = "Display an archived workflow.")
  public static final class Get extends NotImplementedCommand {
    @Parameters(paramLabel = "UID", arity = "0..1", description = "Archived workflow UID.")
    private String uidArgument;

    @Option(names = "--uid", paramLabel = "UID", description = "Archived workflow UID.")
    private String uid;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Archived workflow name, instead of its UID.")
    private String name;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        defaultValue = "wide",
        description = "Output format: json, yaml or wide (default: ${DEFAULT-VALUE}).")
    private String output;
  }

  /** {@code argo4j archive delete}. */
  @Command(name = "delete", description = "Delete archived workflows.")
  public static final class Delete extends NotImplementedCommand {
    @Parameters(paramLabel = "UID", arity = "0..*", description = "Archived workflow UIDs.")
    private List<String> uids;

    @Option(names = "--uid", paramLabel = "UID", description = "Archived workflow UID.")
    private String uid;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Archived workflow name, instead of its UID.")
    private String name;
  }

  /** {@code argo4j archive retry}. */
  @Command(name = "retry", description = "Retry archived workflows.")
  public static final class Retry extends NotImplementedCommand {
    @Parameters(paramLabel = "UID", arity = "0..*", description = "Archived workflow UIDs.")
    private List<String> uids;

    @Option(
        names = "--restart-successful",
        description = "Also re-run successful nodes matching --node-field-selector.")
    private boolean restartSuccessful;

    @Option(
        names = "--node-field-selector",
        paramLabel = "SELECTOR",
        description = "Nodes to restart with --restart-successful.")
    private String nodeFieldSelector;

    @Option(
        names = {"-p", "--parameter"},
        paramLabel = "NAME=VALUE",
        description = "Override an input parameter; repeatable.")
    private Map<String, String> parameters;

    @Mixin private WaitOptions wait;
  }

  /** {@code argo4j archive resubmit}. */
  @Command(name = "resubmit", description = "Submit new workflows copied from archived ones.")
  public static final class Resubmit extends NotImplementedCommand {
    @Parameters(paramLabel = "UID", arity = "0..*", description = "Archived workflow UIDs.")
    private List<String> uids;

    @Option(names = "--memoized", description = "Reuse the outputs of successful nodes.")
    private boolean memoized;

    @Option(
        names = {"-p", "--parameter"},
        paramLabel = "NAME=VALUE",
        description = "Override an input parameter; repeatable.")
    private Map<String, String> parameters;

    @Option(names = "--priority", paramLabel = "N", description = "Priority of the new workflows.")
    private Integer priority;
  }

  /** {@code argo4j archive list-label-keys}. */
  @Command(name = "list-label-keys", description = "List the label keys of archived workflows.")
  public static final class ListLabelKeys extends NotImplementedCommand {}

  /** {@code argo4j archive list-label-values}. */
  @Command(
      name = "list-label-values",
      description = "List the values of one label key of archived workflows.")
  public static final class ListLabelValues extends NotImplementedCommand {
    @Option(
        names = {"-l", "--selector"},
        paramLabel = "KEY",
        required = true,
        description = "The label key.")
    private String selector;
  }
}
