package io.argo4j.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo's synchronization examples, read from the upstream corpus (with their sleeps shortened), and
 * several workflows of one process sharing a mutex.
 */
class LocalSynchronizationTest {

  @TempDir Path state;

  private LocalRuntime open() {
    return LocalRuntime.open(
        LocalRuntimeConfig.of(
                state, ExecutorConfig.builder().runnerGoneGrace(Duration.ofSeconds(1)).build())
            .withStopGrace(Duration.ofSeconds(1)));
  }

  private static String upstream(String file) throws Exception {
    Path examples =
        Path.of(System.getProperty("argo4j.repoRoot", ".."))
            .resolve("../shared/argo-upstream/examples")
            .normalize();
    return Files.readString(examples.resolve(file));
  }

  private static LoadedWorkflow load(String yaml) throws Exception {
    return WorkflowFiles.load(yaml, "wf.yaml", null, Map.of(), null);
  }

  /**
   * Counts, from the node transitions the run reports, how many pod nodes whose name holds a marker
   * are Running at once (a node's startedAt is when it began waiting, as in Argo).
   */
  private static final class Concurrency implements RunListener {
    private final Map<String, Integer> running = new java.util.HashMap<>();
    private final Map<String, Integer> most = new java.util.HashMap<>();
    private final List<String> markers;

    Concurrency(String... markers) {
      this.markers = List.of(markers);
    }

    @Override
    public synchronized void onUpdate(Workflow w, List<io.argo4j.engine.NodeTransition> changes) {
      for (io.argo4j.engine.NodeTransition t : changes) {
        String marker = t.type() == NodeType.POD ? markerOf(t.nodeName()) : null;
        if (marker == null) {
          continue;
        }
        if (t.to() == io.argo4j.model.NodePhase.RUNNING) {
          running.merge(marker, 1, Integer::sum);
          most.merge(marker, running.get(marker), Math::max);
        } else if (t.from() == io.argo4j.model.NodePhase.RUNNING) {
          running.merge(marker, -1, Integer::sum);
        }
      }
    }

    private String markerOf(String nodeName) {
      for (String m : markers) {
        if (nodeName.contains(m)) {
          return m;
        }
      }
      return null;
    }

    synchronized int most(String marker) {
      return most.getOrDefault(marker, 0);
    }
  }

  private static Workflow run(LocalRuntime runtime, String yaml, RunListener listener)
      throws Exception {
    LoadedWorkflow loaded = load(yaml);
    return runtime
        .submit(loaded.workflow(), loaded.templates(), SubmitOptions.defaults(), listener)
        .run();
  }

  @Test
  void upstreamTemplateMutexesRunTheirStepsOneAtATime() throws Exception {
    String yaml =
        upstream("synchronization-mutex-tmpl-level.yaml")
            .replace("sleep 20;", "sleep 1;")
            .replace("sleep 50;", "sleep 1;");
    try (LocalRuntime runtime = open()) {
      Concurrency seen = new Concurrency("acquire-lock(", "acquire-lock1(");
      Workflow done = run(runtime, yaml, seen);
      assertThat(done.status().phase().value()).isEqualTo("Succeeded");
      assertThat(seen.most("acquire-lock(")).isEqualTo(1);
      assertThat(seen.most("acquire-lock1(")).isEqualTo(1);
      assertThat(done.status().nodes().values().stream().filter(n -> n.type() == NodeType.POD))
          .hasSize(10);
      assertThat(done.status().synchronization()).isNull();
    }
  }

  @Test
  void upstreamSemaphoreTakesItsLimitFromAConfigMapInTheSameFile() throws Exception {
    String configMap =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: my-config
        data:
          template: "2"
        ---
        """;
    String yaml =
        configMap + upstream("synchronization-tmpl-level.yaml").replace("sleep 10;", "sleep 2;");
    try (LocalRuntime runtime = open()) {
      Concurrency seen = new Concurrency("acquire-lock(");
      Workflow done = run(runtime, yaml, seen);
      assertThat(done.status().phase().value()).isEqualTo("Succeeded");
      assertThat(seen.most("acquire-lock(")).isEqualTo(2);
    }
  }

  @Test
  void aSemaphoreWithoutItsConfigMapFailsNamingTheConfigMapAndKey() throws Exception {
    try (LocalRuntime runtime = open()) {
      Workflow done = run(runtime, upstream("synchronization-wf-level.yaml"), RunListener.none());
      assertThat(done.status().phase().value()).isEqualTo("Failed");
      assertThat(done.status().message())
          .isEqualTo(
              "Failed to acquire the synchronization lock. semaphore"
                  + " default/ConfigMap/my-config/workflow: ConfigMap default/my-config not found"
                  + " (it must hold key 'workflow' with the number of permits); give the"
                  + " ConfigMap in the workflow's file or in --templates DIR");
    }
  }

  @Test
  void aSecondWorkflowOnTheSameMutexWaitsPendingThenRuns() throws Exception {
    String holder =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: holder}
        spec:
          entrypoint: main
          synchronization:
            mutexes: [{name: test}]
          templates:
          - name: main
            container: {image: alpine, command: [sh, -c, "sleep 30"]}
        """;
    try (LocalRuntime runtime = open()) {
      CountDownLatch holding = new CountDownLatch(1);
      LoadedWorkflow first = load(holder);
      WorkflowRun firstRun =
          runtime.submit(
              first.workflow(),
              first.templates(),
              SubmitOptions.defaults(),
              (w, t) -> {
                if (w.status() != null && "Running".equals(w.status().phase().value())) {
                  holding.countDown();
                }
              });
      CompletableFuture<Workflow> firstDone = supply(firstRun);
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

      List<Workflow> seen = new ArrayList<>();
      LoadedWorkflow second =
          load(
              upstream("synchronization-mutex-wf-level.yaml")
                  .replace("generateName: synchronization-wf-level-", "name: waiter"));
      WorkflowRun secondRun =
          runtime.submit(
              second.workflow(),
              second.templates(),
              SubmitOptions.defaults(),
              (w, t) -> {
                synchronized (seen) {
                  seen.add(w);
                }
              });
      CompletableFuture<Workflow> secondDone = supply(secondRun);
      // the first reconcile asks; the next one, right after the table answered, says how it stands
      String waiting = "Waiting for default/Mutex/test lock. Lock status: 0/1";
      waitFor(
          seen,
          w ->
              "Pending".equals(w.status().phase().value()) && waiting.equals(w.status().message()));
      Workflow pending;
      synchronized (seen) {
        pending = seen.get(seen.size() - 1);
      }
      assertThat(pending.status().synchronization().mutex().waiting())
          .containsExactly(
              new io.argo4j.model.MutexHolding("default/holder", "default/Mutex/test"));
      assertThat(pending.status().nodes()).isNull();

      // terminating the holder releases the mutex: the waiter runs
      firstRun.terminate();
      assertThat(firstDone.get(30, TimeUnit.SECONDS).status().phase().value()).isEqualTo("Failed");
      Workflow done = secondDone.get(30, TimeUnit.SECONDS);
      assertThat(done.status().phase().value()).isEqualTo("Succeeded");
      assertThat(runtime.locks().holders()).isEmpty();
    }
  }

  @Test
  void aWorkflowOfAnotherProcessHoldingTheMutexIsWaitedFor() throws Exception {
    String holder =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: other-holder}
        spec:
          entrypoint: main
          synchronization:
            mutexes: [{name: shared}]
          templates:
          - name: main
            container: {image: alpine, command: [sh, -c, "sleep 4"]}
        """;
    // two runtimes on one state directory stand for two argo4j processes
    try (LocalRuntime first = open();
        LocalRuntime second = open()) {
      CountDownLatch holding = new CountDownLatch(1);
      LoadedWorkflow h = load(holder);
      CompletableFuture<Workflow> holderDone =
          supply(
              first.submit(
                  h.workflow(),
                  h.templates(),
                  SubmitOptions.defaults(),
                  (w, t) -> {
                    if (w.status() != null && "Running".equals(w.status().phase().value())) {
                      holding.countDown();
                    }
                  }));
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

      LoadedWorkflow w = load(holder.replace("other-holder", "other-waiter"));
      Workflow waiter =
          second
              .submit(w.workflow(), w.templates(), SubmitOptions.defaults(), RunListener.none())
              .run();
      Workflow done = holderDone.get(30, TimeUnit.SECONDS);
      assertThat(done.status().phase().value()).isEqualTo("Succeeded");
      assertThat(waiter.status().phase().value()).isEqualTo("Succeeded");
      // the waiter's step starts only once the holder is done (timestamps have Argo's second
      // precision, hence the truncation)
      var waiterStep = waiter.status().nodes().values().iterator().next();
      assertThat(waiterStep.startedAt())
          .isAfterOrEqualTo(done.status().finishedAt().truncatedTo(ChronoUnit.SECONDS));
    }
  }

  /** Runs on a thread of its own (the common pool may have a single thread on small machines). */
  private static CompletableFuture<Workflow> supply(WorkflowRun run) {
    CompletableFuture<Workflow> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                done.complete(run.run());
              } catch (Exception | Error e) {
                done.completeExceptionally(e);
              }
            },
            "run-" + run.name());
    t.setDaemon(true);
    t.start();
    return done;
  }

  private static void waitFor(List<Workflow> seen, Predicate<Workflow> condition)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      synchronized (seen) {
        if (seen.stream().anyMatch(w -> w.status() != null && condition.test(w))) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not reached in 30 s: " + seen.size() + " updates seen");
  }
}
