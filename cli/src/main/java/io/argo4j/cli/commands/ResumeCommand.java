package io.argo4j.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j resume}: as {@code argo resume}. */
@Command(name = "resume", description = "Resume suspended workflows and suspend nodes.")
public final class ResumeCommand extends NotImplementedCommand {
  @Parameters(paramLabel = "WORKFLOW", arity = "1..*", description = "Workflow names.")
  private List<String> workflows;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "Resume only matching suspend nodes, such as displayName=approve.")
  private String nodeFieldSelector;
}
