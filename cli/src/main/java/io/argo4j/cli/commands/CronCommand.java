package io.argo4j.cli.commands;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j cron}: CronWorkflows, as {@code argo cron}. */
@Command(
    name = "cron",
    description = "Manage cron workflows.",
    subcommands = {
      CronCommand.Create.class,
      CronCommand.Get.class,
      CronCommand.ListCronWorkflows.class,
      CronCommand.Update.class,
      CronCommand.Delete.class,
      CronCommand.Lint.class,
      CronCommand.Suspend.class,
      CronCommand.Resume.class,
      CronCommand.Backfill.class
    })
public final class CronCommand extends GroupCommand {

  /** What {@code create} and {@code update} override in the manifests they read. */
  static final class ManifestOptions {
    @Option(
        names = "--entrypoint",
        paramLabel = "TEMPLATE",
        description = "Override the entrypoint.")
    String entrypoint;

    @Option(names = "--name", paramLabel = "NAME", description = "Override metadata.name.")
    String name;

    @Option(
        names = "--generate-name",
        paramLabel = "PREFIX",
        description = "Override metadata.generateName.")
    String generateName;

    @Option(
        names = {"-l", "--labels"},
        paramLabel = "KEY=VALUE,...",
        description = "Comma-separated labels to add.")
    String labels;

    @Mixin ParameterOptions parameters;

    @Option(
        names = "--serviceaccount",
        paramLabel = "NAME",
        description = "Run the workflows' pods with this service account.")
    String serviceAccount;

    @Mixin StrictOption strict;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: name, json, yaml or wide.")
    String output;
  }

  /** {@code argo4j cron create}. */
  @Command(name = "create", description = "Create cron workflows from files.")
  public static final class Create extends NotImplementedCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files.")
    private List<Path> files;

    @Option(
        names = "--schedule",
        paramLabel = "CRON",
        description = "Override the schedule, such as '*/5 * * * *'.")
    private String schedule;

    @Mixin private ManifestOptions manifest;
  }

  /** {@code argo4j cron get}. */
  @Command(name = "get", description = "Display cron workflows.")
  public static final class Get extends NotImplementedCommand {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Cron workflow names.")
    private List<String> names;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: json, yaml or wide.")
    private String output;
  }

  /** {@code argo4j cron list}. */
  @Command(name = "list", description = "List cron workflows.")
  public static final class ListCronWorkflows extends NotImplementedCommand {
    @Option(
        names = {"-A", "--all-namespaces"},
        description = "List cron workflows of every namespace.")
    private boolean allNamespaces;

    @Option(
        names = {"-l", "--selector"},
        paramLabel = "SELECTOR",
        description = "Label selector, such as key1=value1.")
    private String selector;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: wide or name.")
    private String output;
  }

  /** {@code argo4j cron update}. */
  @Command(name = "update", description = "Update cron workflows from files.")
  public static final class Update extends NotImplementedCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files.")
    private List<Path> files;

    @Mixin private ManifestOptions manifest;
  }

  /** {@code argo4j cron delete}. */
  @Command(name = "delete", description = "Delete cron workflows.")
  public static final class Delete extends NotImplementedCommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Cron workflow names.")
    private List<String> names;

    @Option(names = "--all", description = "Delete every cron workflow of the namespace.")
    private boolean all;
  }

  /** {@code argo4j cron lint}. */
  @Command(name = "lint", description = "Check cron workflow manifests for errors.")
  public static final class Lint extends NotImplementedCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files or folders.")
    private List<Path> files;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: pretty or simple.")
    private String output;

    @Mixin private StrictOption strict;
  }

  /** {@code argo4j cron suspend}. */
  @Command(name = "suspend", description = "Stop scheduling cron workflows.")
  public static final class Suspend extends NotImplementedCommand {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Cron workflow names.")
    private List<String> names;
  }

  /** {@code argo4j cron resume}. */
  @Command(name = "resume", description = "Resume scheduling cron workflows.")
  public static final class Resume extends NotImplementedCommand {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Cron workflow names.")
    private List<String> names;
  }

  /** {@code argo4j cron backfill}. */
  @Command(
      name = "backfill",
      description = "Submit the runs a cron workflow would have made between two times.")
  public static final class Backfill extends NotImplementedCommand {
    @Parameters(paramLabel = "CRON_WORKFLOW", description = "Cron workflow name.")
    private String cronWorkflow;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the backfill workflow.")
    private String name;

    @Option(names = "--start", paramLabel = "TIME", description = "First schedule time.")
    private String start;

    @Option(
        names = "--end",
        paramLabel = "TIME",
        description = "Last schedule time (default: now).")
    private String end;

    @Option(
        names = "--argname",
        paramLabel = "NAME",
        defaultValue = "cronScheduleTime",
        description = "Parameter that receives the schedule time (default: ${DEFAULT-VALUE}).")
    private String argName;

    @Option(
        names = "--format",
        paramLabel = "LAYOUT",
        defaultValue = "Mon, 02 Jan 2006 15:04:05 MST",
        description = "Go time layout of that parameter (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(
        names = "--maxworkflowcount",
        paramLabel = "N",
        defaultValue = "1000",
        description = "At most this many workflows (default: ${DEFAULT-VALUE}).")
    private int maxWorkflowCount;

    @Option(names = "--parallel", description = "Run the backfilled workflows in parallel.")
    private boolean parallel;
  }
}
