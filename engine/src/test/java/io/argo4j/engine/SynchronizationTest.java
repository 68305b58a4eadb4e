package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.FakeCluster.Outcome;
import io.argo4j.engine.locks.LimitSource;
import io.argo4j.engine.locks.LockName;
import io.argo4j.engine.locks.LockTable;
import io.argo4j.model.MutexHolding;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Mutexes and semaphores across workflows: the engine asks through its plan, the lock table grants,
 * and every way a holder ends releases what it held.
 */
class SynchronizationTest {

  private static final LimitSource LIMITS =
      lock ->
          lock.resourceName().equals("my-config") && lock.key().equals("template")
              ? new LimitSource.Limit.Known(2)
              : LimitSource.missingConfigMap(lock);

  private static String wfMutex(String name, int priority) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata:
      name: %s
    spec:
      entrypoint: main
      priority: %d
      synchronization:
        mutexes:
        - name: test
      templates:
      - name: main
        container: {image: busybox, command: [sleep, "10"]}
    """
        .formatted(name, priority);
  }

  private static final String TEMPLATE_MUTEX =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        name: tm
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: a
              template: locked
              withParam: '["1","2","3"]'
        - name: locked
          synchronization:
            mutexes:
            - name: welcome
          container: {image: busybox, command: [sleep, "10"]}
      """;

  /** A cluster with its own creation time (it orders waiters of equal priority). */
  private static FakeCluster cluster(String yaml, LockTable table, Instant created) {
    FakeCluster c = new FakeCluster(yaml).withLocks(table);
    c.workflow =
        c.workflow.withMetadata(
            new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(c.workflow.metadata())
                .withCreationTimestamp(created.toString())
                .build());
    c.outcomes(Map.of("main", Outcome.ok().after(Duration.ofSeconds(10))));
    return c;
  }

  /** Steps every unfinished cluster once per virtual second until the condition holds. */
  private static void runAll(List<FakeCluster> clusters, BooleanSupplier until) {
    Instant now = clusters.get(0).now;
    for (int i = 0; i < 2_000; i++) {
      for (FakeCluster c : clusters) {
        c.now = now;
        if (c.workflow.status() == null || !c.workflow.status().phase().isCompleted()) {
          c.step();
        }
      }
      if (until.getAsBoolean()) {
        return;
      }
      now = now.plusSeconds(1);
    }
    throw new AssertionError("condition not reached in 2000 virtual seconds");
  }

  private static boolean done(FakeCluster c) {
    return c.workflow.status() != null && c.workflow.status().phase().isCompleted();
  }

  private static String phase(FakeCluster c) {
    return c.workflow.status() == null ? "" : c.workflow.status().phase().value();
  }

  @Test
  void secondWorkflowWaitsPendingWithArgosMessageThenRuns() {
    LockTable table = new LockTable(LIMITS);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    FakeCluster a = cluster(wfMutex("a", 0), table, t0);
    FakeCluster b = cluster(wfMutex("b", 0), table, t0.plusSeconds(1));
    List<FakeCluster> both = List.of(a, b);
    runAll(both, () -> "Running".equals(phase(a)) && "Pending".equals(phase(b)));

    Workflow bw = b.workflow;
    assertThat(bw.status().message())
        .isEqualTo("Waiting for default/Mutex/test lock. Lock status: 0/1");
    assertThat(bw.status().startedAt()).isNull();
    assertThat(bw.status().synchronization().mutex().waiting())
        .containsExactly(new MutexHolding("default/a", "default/Mutex/test"));
    assertThat(a.workflow.status().synchronization().mutex().holding())
        .containsExactly(new MutexHolding("default/a", "default/Mutex/test"));
    assertThat(b.pods).isEmpty();

    runAll(both, () -> done(a) && done(b));
    assertThat(phase(a)).isEqualTo("Succeeded");
    assertThat(phase(b)).isEqualTo("Succeeded");
    // b started only after a finished
    assertThat(b.pods.values().iterator().next().startedAt)
        .isAfterOrEqualTo(a.workflow.status().finishedAt());
    assertThat(a.workflow.status().synchronization()).isNull();
    assertThat(b.workflow.status().synchronization()).isNull();
    assertThat(table.holders()).isEmpty();
  }

  @Test
  void waitersGetTheLockByPriorityThenCreationTime() {
    LockTable table = new LockTable(LIMITS);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    FakeCluster holder = cluster(wfMutex("holder", 0), table, t0);
    FakeCluster old = cluster(wfMutex("old", 0), table, t0.plusSeconds(1));
    FakeCluster young = cluster(wfMutex("young", 0), table, t0.plusSeconds(2));
    FakeCluster urgent = cluster(wfMutex("urgent", 5), table, t0.plusSeconds(3));
    List<FakeCluster> all = List.of(holder, young, urgent, old);
    List<String> startOrder = new ArrayList<>();
    runAll(
        all,
        () -> {
          for (FakeCluster c : all) {
            if ("Running".equals(phase(c))
                && !startOrder.contains(c.workflow.metadata().getName())) {
              startOrder.add(c.workflow.metadata().getName());
            }
          }
          return all.stream().allMatch(SynchronizationTest::done);
        });
    assertThat(startOrder).containsExactly("holder", "urgent", "old", "young");
  }

  @Test
  void terminatingTheHolderReleasesTheMutex() {
    LockTable table = new LockTable(LIMITS);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    FakeCluster a = cluster(wfMutex("a", 0), table, t0);
    a.outcomes(Map.of("main", Outcome.ok().after(Duration.ofHours(1))));
    FakeCluster b = cluster(wfMutex("b", 0), table, t0.plusSeconds(1));
    List<FakeCluster> both = List.of(a, b);
    runAll(both, () -> "Pending".equals(phase(b)) && !a.pods.isEmpty());
    a.shutdown("Terminate");
    runAll(both, () -> done(a) && done(b));
    assertThat(phase(a)).isEqualTo("Failed");
    assertThat(phase(b)).isEqualTo("Succeeded");
    assertThat(table.holders()).isEmpty();
  }

  @Test
  void stoppingAWaitingWorkflowFailsItWithoutTakingTheLock() {
    LockTable table = new LockTable(LIMITS);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    FakeCluster a = cluster(wfMutex("a", 0), table, t0);
    a.outcomes(Map.of("main", Outcome.ok().after(Duration.ofSeconds(30))));
    FakeCluster b = cluster(wfMutex("b", 0), table, t0.plusSeconds(1));
    FakeCluster c = cluster(wfMutex("c", 0), table, t0.plusSeconds(2));
    List<FakeCluster> all = List.of(a, b, c);
    runAll(all, () -> "Pending".equals(phase(b)) && "Pending".equals(phase(c)));
    b.shutdown("Stop");
    runAll(all, () -> done(b));
    assertThat(phase(b)).isEqualTo("Failed");
    assertThat(b.workflow.status().message()).isEqualTo("Stopped with strategy 'Stop'");
    assertThat(b.pods).isEmpty();
    runAll(all, () -> done(a) && done(c));
    assertThat(phase(c)).isEqualTo("Succeeded");
    assertThat(table.workflows()).isEmpty();
  }

  @Test
  void templateMutexRunsOneStepAtATimeAndNodesWaitPending() {
    LockTable table = new LockTable(LIMITS);
    FakeCluster c =
        new FakeCluster(TEMPLATE_MUTEX)
            .withLocks(table)
            .outcomes(Map.of("locked", Outcome.ok().after(Duration.ofSeconds(10))));
    List<String> waitingMessages = new ArrayList<>();
    c.runUntil(w -> {
      for (NodeStatus n : w.status().nodes().values()) {
        if (n.synchronizationStatus() != null && n.phase().value().equals("Pending")) {
          waitingMessages.add(n.message() + " | " + n.synchronizationStatus().waiting());
        }
      }
      return false;
    });
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.maxRunning).isEqualTo(1);
    assertThat(c.pods).hasSize(3);
    assertThat(waitingMessages)
        .contains(
            "Waiting for default/Mutex/welcome lock. Lock status: 0/1 | default/Mutex/welcome");
    for (NodeStatus n : c.workflow.status().nodes().values()) {
      assertThat(n.synchronizationStatus()).as(n.name()).isNull();
    }
    assertThat(c.workflow.status().synchronization()).isNull();
    assertThat(table.holders()).isEmpty();
  }

  @Test
  void semaphoreLimitComesFromTheLimitSource() {
    String yaml =
        TEMPLATE_MUTEX
            .replace(
                "mutexes:\n      - name: welcome",
                "semaphores:\n      - configMapKeyRef: {name: my-config, key: template}")
            .replace("'[\"1\",\"2\",\"3\"]'", "'[\"1\",\"2\",\"3\",\"4\",\"5\"]'");
    LockTable table = new LockTable(LIMITS);
    FakeCluster c =
        new FakeCluster(yaml)
            .withLocks(table)
            .outcomes(Map.of("locked", Outcome.ok().after(Duration.ofSeconds(10))));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.maxRunning).isEqualTo(2);
    assertThat(c.pods).hasSize(5);
    assertThat(table.holders()).isEmpty();
  }

  @Test
  void semaphoreWithoutLimitErrorsTheNodeNamingTheConfigMapAndKey() {
    String yaml =
        TEMPLATE_MUTEX.replace(
            "mutexes:\n      - name: welcome",
            "semaphores:\n      - configMapKeyRef: {name: absent, key: limit}");
    FakeCluster c = new FakeCluster(yaml).withLocks(new LockTable(LIMITS));
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("tm[0].a(0:1)").message())
        .isEqualTo(
            "Failed to acquire the synchronization lock. semaphore default/ConfigMap/absent/limit:"
                + " ConfigMap default/absent not found (it must hold key 'limit' with the number"
                + " of permits)");
    assertThat(c.pods).isEmpty();
  }

  @Test
  void workflowLevelSemaphoreWithoutLimitFailsTheWorkflow() {
    String yaml =
        wfMutex("w", 0)
            .replace(
                "mutexes:\n    - name: test",
                "semaphores:\n    - configMapKeyRef: {name: absent, key: workflow}");
    FakeCluster c = new FakeCluster(yaml).withLocks(new LockTable(LIMITS));
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.workflow.status().message())
        .startsWith(
            "Failed to acquire the synchronization lock. semaphore default/ConfigMap/absent");
  }

  @Test
  void databaseLocksAreRefusedWithAClearError() {
    String yaml = TEMPLATE_MUTEX.replace("- name: welcome", "- {name: welcome, database: true}");
    FakeCluster c = new FakeCluster(yaml).withLocks(new LockTable(LIMITS));
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("tm[0].a(0:1)").message())
        .contains("database: true")
        .contains("Argo4j does not provide one");
  }

  @Test
  void legacySingleMutexIsHonoured() {
    String yaml =
        TEMPLATE_MUTEX.replace("mutexes:\n      - name: welcome", "mutex: {name: welcome}");
    FakeCluster c =
        new FakeCluster(yaml)
            .withLocks(new LockTable(LIMITS))
            .outcomes(Map.of("locked", Outcome.ok().after(Duration.ofSeconds(10))));
    c.run();
    assertThat(c.phase()).isEqualTo("Succeeded");
    assertThat(c.maxRunning).isEqualTo(1);
  }

  @Test
  void deadlineFailsHolderAndWaitersAndReleasesEverything() {
    String yaml =
        TEMPLATE_MUTEX.replace("entrypoint: main", "entrypoint: main\n  activeDeadlineSeconds: 15");
    LockTable table = new LockTable(LIMITS);
    FakeCluster c =
        new FakeCluster(yaml)
            .withLocks(table)
            .outcomes(Map.of("locked", Outcome.ok().after(Duration.ofSeconds(100))));
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.pods).hasSize(1);
    long waitersFailedByDeadline =
        c.workflow.status().nodes().values().stream()
            .filter(n -> "Step exceeded its deadline".equals(n.message()))
            .filter(n -> n.type().value().equals("Pod"))
            .count();
    assertThat(waitersFailedByDeadline).isEqualTo(3);
    assertThat(c.workflow.status().synchronization()).isNull();
    assertThat(table.holders()).isEmpty();
  }

  @Test
  void aRebuiltTableKeepsTheHolderFromItsStatusAndHandsOnAfterIt() {
    // The entrypoint itself holds the mutex: its node ID is the workflow's name (Argo #8684).
    String holderYaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: a
        spec:
          entrypoint: main
          templates:
          - name: main
            synchronization:
              mutexes:
              - name: m
            steps:
            - - name: s
                template: work
          - name: work
            container: {image: busybox, command: [sleep, "10"]}
        """;
    LockTable before = new LockTable(LIMITS);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    FakeCluster a = cluster(holderYaml, before, t0);
    a.outcomes(Map.of("work", Outcome.ok().after(Duration.ofSeconds(20))));
    FakeCluster b = cluster(holderYaml.replace("name: a", "name: b"), before, t0.plusSeconds(1));
    b.outcomes(Map.of("work", Outcome.ok().after(Duration.ofSeconds(20))));
    runAll(List.of(a, b), () -> !a.pods.isEmpty() && b.hasNode("b"));
    assertThat(before.holders())
        .containsEntry(LockName.mutex("default", "m"), List.of("default/a/a"));

    // The runtime restarts: only the persisted statuses survive.
    LockTable after = LockTable.rebuild(List.of(a.workflow, b.workflow), LIMITS);
    assertThat(after.holders()).isEqualTo(before.holders());
    a.withLocks(after);
    b.withLocks(after);
    runAll(List.of(b), () -> b.reconciles > 5);
    assertThat(b.pods).as("b must still wait for a").isEmpty();
    runAll(List.of(a, b), () -> done(a) && done(b));
    assertThat(phase(a)).isEqualTo("Succeeded");
    assertThat(phase(b)).isEqualTo("Succeeded");
    assertThat(after.holders()).isEmpty();
  }

  @Test
  void rebuildIgnoresCompletedWorkflows() {
    LockTable table = new LockTable(LIMITS);
    FakeCluster a = cluster(wfMutex("a", 0), table, Instant.parse("2026-01-01T00:00:00Z"));
    runAll(List.of(a), () -> !a.pods.isEmpty());
    Workflow running = a.workflow;
    runAll(List.of(a), () -> done(a));
    // A completed workflow whose status still lists a holding (written by another engine).
    Workflow stale =
        a.workflow.withStatus(
            a.workflow.status().toBuilder()
                .synchronization(running.status().synchronization())
                .build());
    assertThat(LockTable.rebuild(List.of(stale), LIMITS).holders()).isEmpty();
    assertThat(LockTable.rebuild(List.of(running), LIMITS).holders()).hasSize(1);
  }

  @Test
  void withoutALockTableTheNodeErrorsSayingSo() {
    FakeCluster c = new FakeCluster(TEMPLATE_MUTEX);
    c.locks = null;
    c.run();
    assertThat(c.phase()).isEqualTo("Failed");
    assertThat(c.node("tm[0].a(0:1)").message())
        .isEqualTo(
            "Failed to acquire the synchronization lock. this runtime has no lock table, so it"
                + " cannot grant mutexes or semaphores");
  }

  @Test
  void aRetriedTemplateHoldsItsMutexAcrossAttemptsAndDagTasksWait() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: rd
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
              tasks:
              - {name: a, template: locked}
              - {name: b, template: locked}
          - name: locked
            retryStrategy: {limit: "2", retryPolicy: Always}
            synchronization:
              mutexes:
              - name: r
            container: {image: busybox, command: [sh, -c, "exit 1"]}
        """;
    LockTable table = new LockTable(LIMITS);
    List<String> waitingTypes = new ArrayList<>();
    FakeCluster c =
        new FakeCluster(yaml)
            .withLocks(table)
            .script(s ->
                s.nodeName().endsWith("(0)")
                    ? Outcome.exit(1).after(Duration.ofSeconds(5))
                    : Outcome.ok().after(Duration.ofSeconds(5)));
    c.runUntil(w -> {
      for (NodeStatus n : w.status().nodes().values()) {
        if (n.synchronizationStatus() != null) {
          waitingTypes.add(n.type().value() + " " + n.phase().value());
        }
      }
      return false;
    });
    assertThat(c.phase()).isEqualTo("Succeeded");
    // two attempts each, one task at a time: the retry node holds the lock across its attempts
    assertThat(c.pods).hasSize(4);
    assertThat(c.maxRunning).isEqualTo(1);
    assertThat(waitingTypes).isNotEmpty().allMatch(s -> s.equals("Retry Pending"));
    assertThat(table.holders()).isEmpty();
  }

  /**
   * Simulation seed 1008280: a retried step that never got its first attempt (the deadline passed
   * while it waited for a mutex) is a Retry node without children. The next step group was linked
   * to it as its child, after which the Retry node's "last attempt" was that group, which then
   * became its own child: the group could never be fulfilled and the workflow stayed Running.
   */
  @Test
  void aRetryNodeThatNeverRanDoesNotMakeTheNextGroupItsOwnChild() {
    LockTable table = new LockTable(LIMITS);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    FakeCluster holder = cluster(wfMutex("holder", 0), table, t0);
    holder.outcomes(Map.of("main", Outcome.ok().after(Duration.ofHours(1))));
    FakeCluster w =
        cluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: w
            spec:
              entrypoint: main
              activeDeadlineSeconds: 30
              templates:
              - name: main
                steps:
                - - name: a
                    template: locked
                    continueOn: {failed: true}
                - - name: b
                    template: also-locked
                - - name: c
                    template: ok
              - name: locked
                retryStrategy: {limit: 1}
                synchronization:
                  mutexes: [{name: test}]
                container: {image: busybox, command: [sleep, "10"]}
              - name: also-locked
                synchronization:
                  mutexes: [{name: test}]
                container: {image: busybox, command: [sleep, "10"]}
              - name: ok
                container: {image: busybox, command: ["true"]}
            """,
            table,
            t0.plusSeconds(1));
    List<FakeCluster> both = List.of(holder, w);

    runAll(both, () -> done(w));

    assertThat(phase(w)).isEqualTo("Failed");
    for (NodeStatus n : w.workflow.status().nodes().values()) {
      if (n.children() != null) {
        assertThat(n.children()).as("children of %s", n.name()).doesNotContain(n.id());
      }
      if (n.phase() != null) {
        assertThat(n.phase().isCompleted()).as("%s completed", n.name()).isTrue();
      }
    }
    assertThat(w.pods).isEmpty();
  }

  /**
   * A task's exit hook and the task after it share a mutex: both get it in turn. (A first attempt
   * at the open simulation seed 4007908, where they seem to wait for each other; this simple case
   * does not.)
   */
  @Test
  void aTaskExitHookAndADependentTaskSharingAMutexBothRun() {
    LockTable table = new LockTable(LIMITS);
    FakeCluster w =
        cluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: hooked
            spec:
              entrypoint: main
              templates:
              - name: main
                dag:
                  tasks:
                  - name: t0
                    template: plain
                    hooks:
                      exit: {template: locked}
                  - name: t1
                    template: locked
                    depends: "t0.Succeeded"
              - name: plain
                container: {image: busybox, command: ["true"]}
              - name: locked
                retryStrategy: {limit: 1, retryPolicy: OnError}
                synchronization:
                  mutexes: [{name: test}]
                container: {image: busybox, command: [sleep, "10"]}
            """,
            table,
            Instant.parse("2026-01-01T00:00:00Z"));

    runAll(List.of(w), () -> done(w));

    assertThat(phase(w)).isEqualTo("Succeeded");
    assertThat(table.holders()).isEmpty();
  }

  /**
   * Soak seed 4007908: a task ended while every parallelism slot was taken, so its exit handler
   * could not start, and the task depending on it started at once and took the mutex the handler
   * needs. Once the handler could start, the dependent was no longer driven (its dependency's
   * handler was unfinished): its pod ended, but it kept the mutex and the workflow stayed Running.
   * The dependent must wait for the handler, and a started task is always driven.
   */
  @Test
  void aDependentTaskWaitsForItsDependencysExitHandlerThatWaitedForAParallelismSlot() {
    LockTable table = new LockTable(LIMITS);
    FakeCluster w =
        cluster(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: hooked
            spec:
              entrypoint: main
              parallelism: 1
              templates:
              - name: main
                dag:
                  tasks:
                  - name: t0
                    template: plain
                    withItems: [a, b]
                    hooks:
                      exit: {template: locked}
                  - name: t1
                    template: locked
                    depends: "t0.Succeeded"
                  - name: t2
                    template: slow
              - name: plain
                container: {image: busybox, command: ["true"]}
              - name: slow
                container: {image: busybox, command: [sleep, "5"]}
              - name: locked
                retryStrategy: {limit: 1, retryPolicy: OnError}
                synchronization:
                  mutexes: [{name: test}]
                container: {image: busybox, command: [sleep, "10"]}
            """,
            table,
            Instant.parse("2026-01-01T00:00:00Z"));
    w.outcomes(
        Map.of(
            "slow", Outcome.ok().after(Duration.ofSeconds(5)),
            "locked", Outcome.ok().after(Duration.ofSeconds(10))));

    runAll(List.of(w), () -> done(w));

    assertThat(phase(w)).isEqualTo("Succeeded");
    assertThat(table.holders()).isEmpty();
    NodeStatus hook = node(w, "hooked.t0.onExit");
    NodeStatus t1 = node(w, "hooked.t1");
    assertThat(t1.startedAt()).isAfterOrEqualTo(hook.finishedAt());
  }

  private static NodeStatus node(FakeCluster c, String name) {
    return c.workflow.status().nodes().values().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + name));
  }
}
