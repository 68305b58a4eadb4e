package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argo4j.model.NodeStatus;
import io.argo4j.model.Parameter;
import org.junit.jupiter.api.Test;

/** {@code argo suspend} and {@code argo resume} as changes the engine then carries on from. */
class UserActionsTest {

  private static final String APPROVAL =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: approval}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: approve
              template: approve
          - - name: ship
              template: ship
              arguments:
                parameters: [{name: who, value: "{{steps.approve.outputs.parameters.approver}}"}]
        - name: approve
          suspend: {}
          outputs:
            parameters:
            - name: approver
              valueFrom: {supplied: {}, default: nobody}
        - name: ship
          inputs: {parameters: [{name: who}]}
          container: {image: alpine, command: [echo, "{{inputs.parameters.who}}"]}
      """;

  private static NodeStatus node(FakeCluster c, String displayName) {
    return c.workflow.status().nodes().values().stream()
        .filter(n -> n.displayName().equals(displayName))
        .findFirst()
        .orElse(null);
  }

  @Test
  void resumeEndsTheSuspendNodeWithItsDefaultOutputsAndTheWorkflowGoesOn() throws Exception {
    FakeCluster c = new FakeCluster(APPROVAL);
    c.runUntil(w -> c.suspended());
    assertThat(c.suspended()).isTrue();

    c.workflow = UserActions.resume(c.workflow, null, c.now);
    c.run();

    assertThat(c.phase()).isEqualTo("Succeeded");
    NodeStatus approve = node(c, "approve");
    assertThat(approve.finishedAt()).isNotNull();
    assertThat(approve.outputs().parameters())
        .extracting(Parameter::value)
        .containsExactly("nobody");
    assertThat(node(c, "ship").inputs().parameters())
        .extracting(Parameter::value)
        .contains("nobody");
  }

  @Test
  void aSuspendedWorkflowStartsNoNewStepUntilResumed() throws Exception {
    FakeCluster c = new FakeCluster(APPROVAL);
    c.runUntil(w -> c.suspended());
    c.workflow = UserActions.suspend(c.workflow);
    c.workflow = UserActions.resume(c.workflow, n -> n.displayName().equals("approve"), c.now);

    for (int i = 0; i < 3; i++) {
      c.step(); // a suspended workflow waits: there is nothing to run
    }
    assertThat(node(c, "approve").phase().value()).isEqualTo("Succeeded");
    assertThat(node(c, "ship")).isNull();
    assertThat(c.phase()).isEqualTo("Running");

    c.workflow = UserActions.resume(c.workflow, null, c.now);
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
  }

  @Test
  void resumeSaysWhyWhenThereIsNothingToResume() throws Exception {
    FakeCluster c = new FakeCluster(APPROVAL);
    c.runUntil(w -> c.suspended());

    assertThatThrownBy(() -> UserActions.resume(c.workflow, n -> false, c.now))
        .isInstanceOf(UserActionException.class)
        .hasMessage("workflow approval has no suspended node that matches the node field selector");
    c.workflow = UserActions.resume(c.workflow, null, c.now);
    c.run();
    assertThatThrownBy(() -> UserActions.resume(c.workflow, null, c.now))
        .hasMessage("cannot resume workflow approval: it is already Succeeded");
    assertThatThrownBy(() -> UserActions.suspend(c.workflow))
        .hasMessage("cannot suspend workflow approval: it is already Succeeded");
  }
}
