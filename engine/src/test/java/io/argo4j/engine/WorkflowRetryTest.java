package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argo4j.engine.FakeCluster.Outcome;
import io.argo4j.engine.locks.LimitSource;
import io.argo4j.engine.locks.LockTable;
import io.argo4j.model.NodeStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code argo retry} as a change to a finished workflow that the engine then carries on from: the
 * failed part runs again under the same node names, the rest is kept.
 */
class WorkflowRetryTest {

  private static NodeStatus node(FakeCluster c, String displayName) {
    return c.workflow.status().nodes().values().stream()
        .filter(n -> n.displayName().equals(displayName))
        .findFirst()
        .orElse(null);
  }

  /** Applies the retry as a runtime does: the removed nodes' pods go away first. */
  private static WorkflowRetry.Result retry(FakeCluster c, Map<String, String> params)
      throws UserActionException {
    WorkflowRetry.Result r = WorkflowRetry.retry(c.workflow, null, params, c.now);
    c.pods.keySet().removeAll(r.removedNodeIds());
    c.workflow = r.workflow();
    return r;
  }

  private static final String CONTINUE_ON =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: co}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: tolerated, template: bad, continueOn: {failed: true}}
            - {name: good, template: ok}
          - - {name: last, template: bad2}
        - name: ok
          container: {image: alpine, command: ["true"]}
        - name: bad
          container: {image: alpine, command: ["false"]}
        - name: bad2
          container: {image: alpine, command: ["false"]}
      """;

  @Test
  void aFailureTheWorkflowWentOnFromStaysAndOnlyTheStepThatFailedItRunsAgain() throws Exception {
    AtomicInteger bad2Runs = new AtomicInteger();
    FakeCluster c =
        new FakeCluster(CONTINUE_ON)
            .script(s ->
                switch (s.template().name()) {
                  case "bad" -> Outcome.exit(1);
                  case "bad2" -> bad2Runs.incrementAndGet() == 1 ? Outcome.exit(1) : Outcome.ok();
                  default -> Outcome.ok();
                });
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    String goodId = node(c, "good").id();
    String lastId = node(c, "last").id();

    WorkflowRetry.Result r = retry(c, Map.of());

    assertThat(c.phase()).isEqualTo("Running");
    assertThat(r.removedNodeIds()).containsExactly(lastId);
    assertThat(node(c, "[1]").phase().value()).isEqualTo("Running");
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(node(c, "tolerated").phase().value()).isEqualTo("Failed");
    assertThat(node(c, "good").id()).isEqualTo(goodId);
    assertThat(bad2Runs).hasValue(2);
  }

  private static final String RETRIED_STEPS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: rs}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: a, template: inner}
          - - {name: b, template: bad2}
        - name: inner
          retryStrategy: {limit: 1}
          steps:
          - - {name: x, template: flaky}
        - name: flaky
          container: {image: alpine, command: [x]}
        - name: bad2
          container: {image: alpine, command: [b]}
      """;

  @Test
  void anAttemptThatALaterAttemptMadeGoodIsLeftAsItIs() throws Exception {
    AtomicInteger flakyRuns = new AtomicInteger();
    AtomicInteger bad2Runs = new AtomicInteger();
    FakeCluster c =
        new FakeCluster(RETRIED_STEPS)
            .script(s ->
                switch (s.template().name()) {
                  case "flaky" -> flakyRuns.incrementAndGet() == 1 ? Outcome.exit(1) : Outcome.ok();
                  case "bad2" -> bad2Runs.incrementAndGet() == 1 ? Outcome.exit(1) : Outcome.ok();
                  default -> Outcome.ok();
                });
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(node(c, "a(0)").phase().value()).isEqualTo("Failed");
    assertThat(node(c, "a").phase().value()).isEqualTo("Succeeded");
    String b = node(c, "b").id();

    WorkflowRetry.Result r = retry(c, Map.of());

    assertThat(r.removedNodeIds()).containsExactly(b);
    assertThat(node(c, "a").phase().value()).isEqualTo("Succeeded");
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(flakyRuns).hasValue(2);
    assertThat(bad2Runs).hasValue(2);
    assertThat(node(c, "a(0)").phase().value()).isEqualTo("Failed");
  }

  private static final String LOCKED =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: %s}
      spec:
        entrypoint: main
        synchronization:
          mutexes:
          - name: m
        templates:
        - name: main
          container: {image: alpine, command: [work]}
      """;

  @Test
  void aWorkflowHoldingAWorkflowLockWaitsForItAgainBeforeItRunsAgain() throws Exception {
    LockTable table = new LockTable(LimitSource::missingConfigMap);
    AtomicInteger runs = new AtomicInteger();
    FakeCluster first =
        new FakeCluster(LOCKED.formatted("first"))
            .withLocks(table)
            .script(s -> runs.incrementAndGet() == 1 ? Outcome.exit(1) : Outcome.ok());
    first.run();
    assertThat(first.phase()).isEqualTo("Failed");
    FakeCluster other =
        new FakeCluster(LOCKED.formatted("other"))
            .withLocks(table)
            .script(s -> Outcome.ok().after(Duration.ofSeconds(30)));
    other.now = first.now;
    other.runUntil(w -> w.status() != null && "Running".equals(w.status().phase().value()));

    retry(first, Map.of());
    assertThat(first.phase()).isEqualTo("Pending");
    first.now = other.now;
    first.step();

    assertThat(first.phase()).isEqualTo("Pending");
    assertThat(first.workflow.status().message()).contains("Waiting for default/Mutex/m lock");
    assertThat(runs).hasValue(1);
    other.run();
    first.now = other.now;
    first.run();
    assertThat(first.phase()).isEqualTo("Succeeded");
    assertThat(runs).hasValue(2);
    assertThat(table.holders()).isEmpty();
  }

  @Test
  void onlyAFinishedWorkflowThatFailedOrWasToldWhatToRunCanBeRetried() throws Exception {
    FakeCluster running =
        new FakeCluster(LOCKED.formatted("running"))
            .script(s -> Outcome.ok().after(Duration.ofSeconds(30)));
    running.step();
    running.step();
    FakeCluster succeeded = new FakeCluster(LOCKED.formatted("done"));
    succeeded.run();

    assertThatThrownBy(() -> WorkflowRetry.retry(running.workflow, null, Map.of(), running.now))
        .isInstanceOf(UserActionException.class)
        .hasMessage(
            "cannot retry workflow running in phase Running; only a Failed or Error workflow can"
                + " be retried");
    assertThatThrownBy(() -> WorkflowRetry.retry(succeeded.workflow, null, Map.of(), succeeded.now))
        .hasMessageContaining("it Succeeded; to run some of its nodes again");
    assertThatThrownBy(
            () -> WorkflowRetry.retry(succeeded.workflow, n -> false, Map.of(), succeeded.now))
        .hasMessage(
            "cannot retry workflow done: no node failed or matches the node field selector");
  }

  @Test
  void aSelectedSuccessfulNodeRunsAgainWithTheNewParameters() throws Exception {
    FakeCluster c =
        new FakeCluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: p}
            spec:
              entrypoint: main
              arguments:
                parameters: [{name: x, value: "1"}]
              templates:
              - name: main
                container: {image: alpine, command: [echo, "{{workflow.parameters.x}}"]}
            """);
    c.run();
    assertThat(c.startedPods).hasSize(1);

    WorkflowRetry.Result r =
        WorkflowRetry.retry(c.workflow, n -> n.name().equals("p"), Map.of("x", "2"), c.now);
    c.pods.keySet().removeAll(r.removedNodeIds());
    c.workflow = r.workflow();
    c.run();

    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.startedPods).hasSize(2);
    assertThat(c.workflow.spec().arguments().parameters().get(0).value()).isEqualTo("2");
    assertThat(c.workflow.metadata().getLabels())
        .containsEntry("workflows.argoproj.io/completed", "true");
  }
}
