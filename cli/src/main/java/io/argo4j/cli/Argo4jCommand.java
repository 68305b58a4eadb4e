package io.argo4j.cli;

import io.argo4j.cli.commands.ArchiveCommand;
import io.argo4j.cli.commands.AuthCommand;
import io.argo4j.cli.commands.ClusterTemplateCommand;
import io.argo4j.cli.commands.CompletionCommand;
import io.argo4j.cli.commands.ConvertCommand;
import io.argo4j.cli.commands.CpCommand;
import io.argo4j.cli.commands.CronCommand;
import io.argo4j.cli.commands.DeleteCommand;
import io.argo4j.cli.commands.ExecutorPluginCommand;
import io.argo4j.cli.commands.GetCommand;
import io.argo4j.cli.commands.LintCommand;
import io.argo4j.cli.commands.ListCommand;
import io.argo4j.cli.commands.LogsCommand;
import io.argo4j.cli.commands.NodeCommand;
import io.argo4j.cli.commands.ResubmitCommand;
import io.argo4j.cli.commands.ResumeCommand;
import io.argo4j.cli.commands.RetryCommand;
import io.argo4j.cli.commands.RunCommand;
import io.argo4j.cli.commands.ServerCommand;
import io.argo4j.cli.commands.StopCommand;
import io.argo4j.cli.commands.SubmitCommand;
import io.argo4j.cli.commands.SuspendCommand;
import io.argo4j.cli.commands.SyncCommand;
import io.argo4j.cli.commands.TemplateCommand;
import io.argo4j.cli.commands.TerminateCommand;
import io.argo4j.cli.commands.VersionCommand;
import io.argo4j.cli.commands.WaitCommand;
import io.argo4j.cli.commands.WatchCommand;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code argo4j} command: global flags and the list of verbs.
 *
 * <p>Global flags are inherited: they are accepted before or after the verb ({@code argo4j -n ns
 * list} and {@code argo4j list -n ns} alike) and always land in this object, where commands read
 * them through {@code BaseCommand}.
 */
@Command(
    name = "argo4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Runs Argo Workflows manifests unchanged: on this machine with no cluster (argo4j run),"
          + " and later as a server and a Kubernetes controller."
    },
    footer = {
      "",
      "Run 'argo4j COMMAND --help' for a command's flags.",
      "Exit codes: 0 success, 1 workflow or lint failure, 2 usage error or not implemented yet,"
          + " 3 internal error."
    },
    subcommands = {
      ArchiveCommand.class,
      AuthCommand.class,
      ClusterTemplateCommand.class,
      CompletionCommand.class,
      ConvertCommand.class,
      CpCommand.class,
      CronCommand.class,
      DeleteCommand.class,
      ExecutorPluginCommand.class,
      GetCommand.class,
      HelpCommand.class,
      LintCommand.class,
      ListCommand.class,
      LogsCommand.class,
      NodeCommand.class,
      ResubmitCommand.class,
      ResumeCommand.class,
      RetryCommand.class,
      RunCommand.class,
      ServerCommand.class,
      StopCommand.class,
      SubmitCommand.class,
      SuspendCommand.class,
      SyncCommand.class,
      TemplateCommand.class,
      TerminateCommand.class,
      VersionCommand.class,
      WaitCommand.class,
      WatchCommand.class
    })
public final class Argo4jCommand implements Callable<Integer> {
  private final Style style;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "default",
      scope = ScopeType.INHERIT,
      paramLabel = "NAMESPACE",
      description = "Namespace of the workflows (default: ${DEFAULT-VALUE}).")
  private String namespace;

  @Option(
      names = "--loglevel",
      defaultValue = "info",
      scope = ScopeType.INHERIT,
      paramLabel = "LEVEL",
      description = "Logging level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private LogLevel logLevel;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Verbose: debug logging, and stack traces of internal errors.")
  private boolean verbose;

  // Read before parsing by Style.detect; declared so that picocli accepts and documents it.
  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "No colours in the output (also when NO_COLOR is set).")
  private boolean noColor;

  public Argo4jCommand(Style style) {
    this.style = Objects.requireNonNull(style);
  }

  /** {@code argo4j} alone prints its help, as {@code argo} does. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  public Style style() {
    return style;
  }

  public String namespace() {
    return namespace;
  }

  /** The effective level: {@code -v} means debug, as in {@code argo}. */
  public LogLevel logLevel() {
    return verbose ? LogLevel.DEBUG : logLevel;
  }

  public boolean verbose() {
    return verbose;
  }
}
