package io.argo4j.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code argo4j suspend}: as {@code argo suspend}. */
@Command(name = "suspend", description = "Suspend workflows (spec.suspend=true).")
public final class SuspendCommand extends NotImplementedCommand {
  @Parameters(paramLabel = "WORKFLOW", arity = "1..*", description = "Workflow names.")
  private List<String> workflows;
}
