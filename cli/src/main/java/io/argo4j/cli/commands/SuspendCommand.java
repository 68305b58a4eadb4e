package io.argo4j.cli.commands;

import io.argo4j.engine.UserActions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code argo4j suspend}: as {@code argo suspend}. */
@Command(
    name = "suspend",
    description = "Suspend workflows (spec.suspend=true): running steps go on, no new step starts.")
public final class SuspendCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(paramLabel = "WORKFLOW", arity = "1..*", description = "Workflow names.")
  private List<String> workflows;

  @Override
  public Integer call() throws Exception {
    return UserChangeRequest.apply(
        workflows, "suspended", UserActions::suspend, state.stateDir, namespace(), out(), err());
  }
}
