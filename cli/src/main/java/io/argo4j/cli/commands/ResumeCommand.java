package io.argo4j.cli.commands;

import io.argo4j.engine.UserActions;
import io.argo4j.model.NodeStatus;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argo4j resume}: as {@code argo resume}. */
@Command(name = "resume", description = "Resume suspended workflows and suspend nodes.")
public final class ResumeCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "1..*", description = "Workflow names.")
  private List<String> workflows;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "Resume only matching suspend nodes, such as displayName=approve.")
  private String nodeFieldSelector;

  @Override
  public Integer call() throws Exception {
    Predicate<NodeStatus> selected =
        nodeFieldSelector == null ? null : NodeSelector.parse(null, nodeFieldSelector);
    Clock clock = Clock.systemUTC();
    return UserChangeRequest.apply(
        workflows,
        "resumed",
        wf -> UserActions.resume(wf, selected, clock.instant()),
        state.stateDir,
        namespace(),
        out(),
        err());
  }
}
