package io.argo4j.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j cp}: as {@code argo cp}. */
@Command(name = "cp", description = "Copy a workflow's output artifacts to a local folder.")
public final class CpCommand extends NotImplementedCommand {
  @Parameters(index = "0", paramLabel = "WORKFLOW", description = "Workflow name.")
  private String workflow;

  @Parameters(index = "1", paramLabel = "DIR", description = "Folder to copy into.")
  private Path directory;

  @Option(names = "--artifact-name", paramLabel = "NAME", description = "Only this artifact.")
  private String artifactName;

  @Option(names = "--node-id", paramLabel = "ID", description = "Only this node's artifacts.")
  private String nodeId;

  @Option(
      names = "--template-name",
      paramLabel = "NAME",
      description = "Only artifacts of this template.")
  private String templateName;

  @Option(
      names = "--path",
      paramLabel = "PATTERN",
      defaultValue = "{namespace}/{workflowName}/{nodeId}/outputs/{artifactName}",
      description = {
        "Where each artifact goes under DIR; {workflowName}, {nodeId}, {templateName},"
            + " {artifactName} and {namespace} are replaced (default: ${DEFAULT-VALUE})."
      })
  private String path;
}
