package io.argo4j.cli.commands;

import io.argo4j.store.WorkflowKind;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j template}: WorkflowTemplates, as {@code argo template}. */
@Command(
    name = "template",
    description = "Manage workflow templates.",
    subcommands = {
      TemplateCommand.Create.class,
      TemplateCommand.Get.class,
      TemplateCommand.ListTemplates.class,
      TemplateCommand.Update.class,
      TemplateCommand.Delete.class,
      TemplateCommand.Lint.class
    })
public final class TemplateCommand extends GroupCommand {

  /** {@code argo4j template create}. */
  @Command(name = "create", description = "Create workflow templates from files.")
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
      return new TemplateVerbs(WorkflowKind.WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .save(state.stateDir, files, output, strict.strict, false);
    }
  }

  /** {@code argo4j template get}. */
  @Command(name = "get", description = "Display workflow templates.")
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
      return new TemplateVerbs(WorkflowKind.WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .get(state.stateDir, names, output);
    }
  }

  /** {@code argo4j template list}. */
  @Command(name = "list", description = "List workflow templates.")
  public static final class ListTemplates extends BaseCommand {
    @Mixin private StateDirOption state;

    @Option(
        names = {"-A", "--all-namespaces"},
        description = "List templates of every namespace.")
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

    @Override
    public Integer call() throws Exception {
      return new TemplateVerbs(WorkflowKind.WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .list(state.stateDir, allNamespaces, selector, output);
    }
  }

  /** {@code argo4j template update}. */
  @Command(name = "update", description = "Update workflow templates from files.")
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
      return new TemplateVerbs(WorkflowKind.WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .save(state.stateDir, files, output, strict.strict, true);
    }
  }

  /** {@code argo4j template delete}. */
  @Command(name = "delete", description = "Delete workflow templates.")
  public static final class Delete extends BaseCommand {
    @Mixin private StateDirOption state;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Template names.")
    private List<String> names;

    @Option(names = "--all", description = "Delete every template of the namespace.")
    private boolean all;

    @Override
    public Integer call() throws Exception {
      return new TemplateVerbs(WorkflowKind.WORKFLOW_TEMPLATE, namespace(), style(), out(), err())
          .delete(state.stateDir, names, all);
    }
  }

  /** {@code argo4j template lint}. */
  @Command(name = "lint", description = "Check workflow template manifests for errors.")
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
