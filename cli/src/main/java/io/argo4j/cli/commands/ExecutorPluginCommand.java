package io.argo4j.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code argo4j executor-plugin}: as {@code argo executor-plugin}. */
@Command(
    name = "executor-plugin",
    description = "Manage executor plugins.",
    subcommands = ExecutorPluginCommand.Build.class)
public final class ExecutorPluginCommand extends GroupCommand {

  /** {@code argo4j executor-plugin build}. */
  @Command(name = "build", description = "Build a plugin's ConfigMap manifest from its folder.")
  public static final class Build extends NotImplementedCommand {
    @Parameters(paramLabel = "DIR", description = "Folder holding plugin.yaml and its server.")
    private Path directory;
  }
}
