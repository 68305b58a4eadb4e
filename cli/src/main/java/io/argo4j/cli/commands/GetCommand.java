package io.argo4j.cli.commands;

import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.render.WorkflowPrinter;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j get}: as {@code argo get}, for the workflows of the local runtime. */
@Command(name = "get", description = "Display a workflow's details and node tree.")
public final class GetCommand extends BaseCommand {
  @Parameters(
      paramLabel = "WORKFLOW",
      arity = "1..*",
      description = "Workflow names; @latest for the newest.")
  private List<String> workflows;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: json, yaml, short or wide.")
  private String output;

  @Option(names = "--status", paramLabel = "PHASE", description = "Show only nodes in this phase.")
  private String status;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "Show only matching nodes, such as phase=Failed.")
  private String nodeFieldSelector;

  @Option(names = "--no-utf8", description = "Words instead of UTF-8 status glyphs.")
  private boolean noUtf8;

  @Mixin private StateDirOption state;

  @Override
  public Integer call() throws Exception {
    String format = OutputFormats.check(output, "json", "yaml", "short", "wide");
    Predicate<NodeStatus> shown = NodeSelector.parse(status, nodeFieldSelector);
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      session.resumeInBackground(err());
      for (String name : workflows) {
        Workflow workflow = LocalSession.workflow(session.require(namespace(), name));
        switch (format) {
          case "json" -> out().print(ManifestWriter.create().toJson(workflow));
          case "yaml" -> out().print(ManifestWriter.create().toYaml(workflow));
          default -> {
            Map<String, String> pods = session.runtime().podNames(workflow);
            WorkflowPrinter printer =
                new WorkflowPrinter(
                    style(),
                    !noUtf8,
                    format.equals("wide"),
                    Instant.now(),
                    ZoneId.systemDefault(),
                    n -> pods.getOrDefault(n.id(), ""));
            out()
                .print(
                    format.equals("short")
                        ? printer.tree(workflow, shown).stripLeading()
                        : printer.print(workflow, shown));
          }
        }
      }
      out().flush();
      return ExitCodes.OK;
    }
  }
}
