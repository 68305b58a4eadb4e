package io.argo4j.cli.commands;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j cluster-template}: ClusterWorkflowTemplates, as {@code argo cluster-template}. */
@Command(
    name = "cluster-template",
    description = "Manage cluster workflow templates.",
    subcommands = {
      ClusterTemplateCommand.Create.class,
      ClusterTemplateCommand.Get.class,
      ClusterTemplateCommand.ListClusterTemplates.class,
      ClusterTemplateCommand.Update.class,
      ClusterTemplateCommand.Delete.class,
      ClusterTemplateCommand.Lint.class
    })
public final class ClusterTemplateCommand extends GroupCommand {

  /** {@code argo4j cluster-template create}. */
  @Command(name = "create", description = "Create cluster workflow templates from files.")
  public static final class Create extends NotImplementedCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files.")
    private List<Path> files;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: name, json, yaml or wide.")
    private String output;

    @Mixin private StrictOption strict;
  }

  /** {@code argo4j cluster-template get}. */
  @Command(name = "get", description = "Display cluster workflow templates.")
  public static final class Get extends NotImplementedCommand {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Template names.")
    private List<String> names;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: json, yaml or wide.")
    private String output;
  }

  /** {@code argo4j cluster-template list}. */
  @Command(name = "list", description = "List cluster workflow templates.")
  public static final class ListClusterTemplates extends NotImplementedCommand {
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

  /** {@code argo4j cluster-template update}. */
  @Command(name = "update", description = "Update cluster workflow templates from files.")
  public static final class Update extends NotImplementedCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files.")
    private List<Path> files;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: name, json, yaml or wide.")
    private String output;

    @Mixin private StrictOption strict;
  }

  /** {@code argo4j cluster-template delete}. */
  @Command(name = "delete", description = "Delete cluster workflow templates.")
  public static final class Delete extends NotImplementedCommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Template names.")
    private List<String> names;

    @Option(names = "--all", description = "Delete every cluster template.")
    private boolean all;
  }

  /** {@code argo4j cluster-template lint}. */
  @Command(name = "lint", description = "Check cluster workflow template manifests for errors.")
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
}
