package io.argo4j.cli.commands;

import io.argo4j.store.WorkflowKind;
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
  public static final class Create extends BaseCommand {
    @Mixin private StateDirOption state;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files.")
    private List<Path> files;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: name, json, yaml or wide.")
    private String output;

    @Mixin private StrictOption strict;

    @Override
    public Integer call() throws Exception {
      return new TemplateVerbs(
              WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .save(state.stateDir, files, output, strict.strict, false);
    }
  }

  /** {@code argo4j cluster-template get}. */
  @Command(name = "get", description = "Display cluster workflow templates.")
  public static final class Get extends BaseCommand {
    @Mixin private StateDirOption state;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Template names.")
    private List<String> names;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: json, yaml or wide.")
    private String output;

    @Override
    public Integer call() throws Exception {
      return new TemplateVerbs(
              WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .get(state.stateDir, names, output);
    }
  }

  /** {@code argo4j cluster-template list}. */
  @Command(name = "list", description = "List cluster workflow templates.")
  public static final class ListClusterTemplates extends BaseCommand {
    @Mixin private StateDirOption state;

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

    @Override
    public Integer call() throws Exception {
      return new TemplateVerbs(
              WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .list(state.stateDir, false, selector, output);
    }
  }

  /** {@code argo4j cluster-template update}. */
  @Command(name = "update", description = "Update cluster workflow templates from files.")
  public static final class Update extends BaseCommand {
    @Mixin private StateDirOption state;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifest files.")
    private List<Path> files;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "Output format: name, json, yaml or wide.")
    private String output;

    @Mixin private StrictOption strict;

    @Override
    public Integer call() throws Exception {
      return new TemplateVerbs(
              WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .save(state.stateDir, files, output, strict.strict, true);
    }
  }

  /** {@code argo4j cluster-template delete}. */
  @Command(name = "delete", description = "Delete cluster workflow templates.")
  public static final class Delete extends BaseCommand {
    @Mixin private StateDirOption state;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Template names.")
    private List<String> names;

    @Option(names = "--all", description = "Delete every cluster template.")
    private boolean all;

    @Override
    public Integer call() throws Exception {
      return new TemplateVerbs(
              WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .delete(state.stateDir, names, all);
    }
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
