package io.argo4j.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.store.StoredWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRuntimeTest {

  @TempDir Path state;

  private LocalRuntime open() {
    return LocalRuntime.open(
        LocalRuntimeConfig.of(
                state, ExecutorConfig.builder().runnerGoneGrace(Duration.ofSeconds(1)).build())
            .withStopGrace(Duration.ofSeconds(1)));
  }

  private static LoadedWorkflow load(String yaml) throws Exception {
    return WorkflowFiles.load(yaml, "wf.yaml", null, Map.of(), null);
  }

  private static final String SLEEPER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: sleeper-}
      spec:
        entrypoint: main
        templates:
          - name: main
            retryStrategy: {limit: "2", retryPolicy: OnError}
            script:
              image: alpine
              command: [sh]
              source: |
                echo "attempt {{retries}}"
                if [ {{retries}} -eq 0 ]; then exec sleep 60; fi
      """;

  private static boolean aPodRuns(Workflow w) {
    return w.status() != null
        && w.status().nodes() != null
        && w.status().nodes().values().stream()
            .anyMatch(n -> n.type() == NodeType.POD && n.phase() == NodePhase.RUNNING);
  }

  @Test
  void terminateStopsTheRunningStepsAndRecordsTheWorkflowAsFailed() throws Exception {
    LoadedWorkflow loaded = load(SLEEPER);
    try (LocalRuntime runtime = open()) {
      CountDownLatch running = new CountDownLatch(1);
      WorkflowRun run =
          runtime.submit(
              loaded.workflow(),
              loaded.templates(),
              SubmitOptions.defaults(),
              (w, t) -> {
                if (aPodRuns(w)) {
                  running.countDown();
                }
              });
      CompletableFuture<Workflow> done =
          CompletableFuture.supplyAsync(() -> {
            try {
              return run.run();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      assertThat(running.await(30, TimeUnit.SECONDS)).as("the step started").isTrue();

      run.terminate();
      Workflow finished = done.get(60, TimeUnit.SECONDS);

      assertThat(finished.status().phase()).isEqualTo(WorkflowPhase.FAILED);
      assertThat(finished.spec().shutdown()).isEqualTo("Terminate");
      assertThat(finished.status().nodes().values())
          .allSatisfy(n -> assertThat(n.phase().isFulfilled()).as(n.name()).isTrue());
      StoredWorkflow stored = runtime.find("default", run.name()).orElseThrow();
      assertThat(stored.phase()).isEqualTo(io.argo4j.store.WorkflowPhase.FAILED);
      assertThat(runtime.interrupted()).isEmpty();
    }
  }

  @Test
  void aWorkflowHeldByARunnerCannotBeResumedByAnother() throws Exception {
    LoadedWorkflow loaded = load(SLEEPER);
    try (LocalRuntime runtime = open()) {
      WorkflowRun run =
          runtime.submit(
              loaded.workflow(), loaded.templates(), SubmitOptions.defaults(), RunListener.none());
      StoredWorkflow stored = runtime.find("default", run.name()).orElseThrow();

      assertThat(runtime.isRunning(stored)).isTrue();
      assertThat(runtime.interrupted()).isEmpty();
      assertThat(runtime.resume(stored, RunListener.none())).isEmpty();

      run.terminate();
      run.run();
      assertThat(runtime.isRunning(stored)).isFalse();
    }
  }

  @Test
  void aWorkflowWhoseRunnerWasKilledIsFinishedByTheNextStartAndItsLostStepRetried()
      throws Exception {
    Path file = state.resolve("sleeper.yaml");
    Files.writeString(file, SLEEPER);
    Path stateDir = state.resolve("state");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process runner =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RunnerMain.class.getName(),
                stateDir.toString(),
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(state.resolve("runner.log").toFile())
            .start();
    try (LocalRuntime runtime =
        LocalRuntime.open(
            LocalRuntimeConfig.of(
                stateDir,
                ExecutorConfig.builder().runnerGoneGrace(Duration.ofSeconds(1)).build()))) {
      Optional<StoredWorkflow> running = Optional.empty();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (running.isEmpty() && System.nanoTime() < until && runner.isAlive()) {
        running =
            runtime
                .listAll(
                    io.argo4j.store.WorkflowQuery.of(
                        io.argo4j.store.WorkflowKind.WORKFLOW, "default"))
                .stream()
                .filter(w -> aPodRuns(LocalRuntime.workflow(w)))
                .findFirst();
        if (running.isEmpty()) {
          Thread.sleep(100); // polling another process; no deadline depends on it
        }
      }
      assertThat(running)
          .as(
              "the runner started the step; its log: %s",
              Files.readString(state.resolve("runner.log")))
          .isPresent();

      runner.destroyForcibly().waitFor();
      assertThat(runtime.interrupted())
          .extracting(StoredWorkflow::uid)
          .contains(running.get().uid());

      List<Workflow> resumed = new ArrayList<>();
      List<Workflow> recovered =
          runtime.recover(
              new RecoveryListener() {
                @Override
                public void resuming(Workflow workflow) {
                  resumed.add(workflow);
                }

                @Override
                public void finished(Workflow workflow) {}
              });

      assertThat(resumed).hasSize(1);
      Workflow done = recovered.get(0);
      assertThat(done.status().phase())
          .as(done.status().message())
          .isEqualTo(WorkflowPhase.SUCCEEDED);
      List<NodeStatus> attempts =
          done.status().nodes().values().stream().filter(n -> n.type() == NodeType.POD).toList();
      assertThat(attempts).hasSize(2);
      assertThat(attempts)
          .anySatisfy(n -> {
            assertThat(n.phase()).isEqualTo(NodePhase.ERROR);
            assertThat(n.message()).contains("argo4j restarted");
          });
      assertThat(runtime.interrupted()).isEmpty();
    } finally {
      runner.destroyForcibly();
    }
  }
}
