package io.argo4j.runtime.local.conformance;

import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.InvalidWorkflowException;
import io.argo4j.runtime.local.LoadedWorkflow;
import io.argo4j.runtime.local.LocalRuntime;
import io.argo4j.runtime.local.LocalRuntimeConfig;
import io.argo4j.runtime.local.RunListener;
import io.argo4j.runtime.local.SubmitOptions;
import io.argo4j.runtime.local.WorkflowFiles;
import io.argo4j.runtime.local.WorkflowRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs one example of the corpus through {@link LocalRuntime}, in a state directory of its own,
 * within a time limit: on timeout the workflow is terminated, then its steps killed.
 *
 * @param examples the corpus folder
 * @param templates the folder of the corpus's WorkflowTemplates and ClusterWorkflowTemplates
 * @param stateRoot where each example's state directory is made
 * @param timeout how long an example may run
 * @param suspendedFor how long an example waiting for a person must stay suspended
 */
record ExampleRunner(
    Path examples, Path templates, Path stateRoot, Duration timeout, Duration suspendedFor) {

  private static final Duration STOP_WAIT = Duration.ofSeconds(20);
  private static final int MAX_REASONS = 6;

  ExampleResult run(InventoryRow row) {
    long start = System.nanoTime();
    Path file = examples.resolve(row.file());
    LoadedWorkflow loaded;
    try {
      loaded = WorkflowFiles.load(Files.readString(file), row.file(), templates, Map.of(), null);
    } catch (InvalidWorkflowException e) {
      return new ExampleResult(
          row,
          null,
          new Outcome(Outcome.INVALID, elapsed(start), String.join("; ", e.problems()), List.of()));
    } catch (Exception e) {
      return new ExampleResult(
          row, null, new Outcome(Outcome.CRASHED, elapsed(start), e.toString(), List.of()));
    }
    Expectation expectation = Expectation.of(fileName(row), loaded.workflow());
    Path state = stateRoot.resolve(row.file().replace('/', '_').replace(".yaml", ""));
    LocalRuntimeConfig config =
        LocalRuntimeConfig.of(
                state, ExecutorConfig.builder().runnerGoneGrace(Duration.ofSeconds(1)).build())
            .withStopGrace(Duration.ofSeconds(2));
    try (LocalRuntime runtime = LocalRuntime.open(config)) {
      WorkflowRun run =
          runtime.submit(
              loaded.workflow(), loaded.templates(), SubmitOptions.defaults(), RunListener.none());
      CompletableFuture<Workflow> done = new CompletableFuture<>();
      Thread runner =
          Thread.ofPlatform()
              .name("conformance-" + row.file())
              .start(() -> {
                try {
                  done.complete(run.run());
                } catch (Throwable t) {
                  done.completeExceptionally(t);
                }
              });
      Outcome outcome =
          expectation.expected() == Expected.STAYS_SUSPENDED
              ? awaitSuspension(run, done, start)
              : await(run, done, start);
      runner.join(STOP_WAIT.toMillis());
      return new ExampleResult(row, expectation, outcome);
    } catch (Exception e) {
      return new ExampleResult(
          row, expectation, new Outcome(Outcome.CRASHED, elapsed(start), e.toString(), List.of()));
    }
  }

  private Outcome await(WorkflowRun run, CompletableFuture<Workflow> done, long start)
      throws InterruptedException {
    try {
      Workflow workflow = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return finished(workflow, start);
    } catch (TimeoutException e) {
      Duration took = elapsed(start);
      Workflow stopped = stop(run, done);
      return new Outcome(
          Outcome.TIMEOUT,
          took,
          "still " + phase(stopped) + " after " + timeout.toSeconds() + " s; " + reasons(stopped),
          stuck(stopped));
    } catch (ExecutionException e) {
      return new Outcome(Outcome.CRASHED, elapsed(start), e.getCause().toString(), List.of());
    }
  }

  /** Waits for a suspend node to be running, checks that it stays so, then terminates the run. */
  private Outcome awaitSuspension(WorkflowRun run, CompletableFuture<Workflow> done, long start)
      throws InterruptedException {
    long deadline = start + timeout.toNanos();
    long suspendedSince = 0;
    while (System.nanoTime() < deadline && !done.isDone()) {
      boolean suspended = suspendedNow(run.workflow());
      if (!suspended) {
        suspendedSince = 0;
      } else if (suspendedSince == 0) {
        suspendedSince = System.nanoTime();
      } else if (System.nanoTime() - suspendedSince >= suspendedFor.toNanos()) {
        Duration took = elapsed(start);
        Workflow stopped = stop(run, done);
        return new Outcome(
            Outcome.SUSPENDED,
            took,
            "suspended for "
                + suspendedFor.toSeconds()
                + " s, then terminated; ended "
                + phase(stopped),
            stuck(stopped));
      }
      Thread.sleep(100);
    }
    if (done.isDone()) {
      try {
        return finished(done.get(), start);
      } catch (ExecutionException e) {
        return new Outcome(Outcome.CRASHED, elapsed(start), e.getCause().toString(), List.of());
      }
    }
    Duration took = elapsed(start);
    Workflow stopped = stop(run, done);
    return new Outcome(
        Outcome.TIMEOUT,
        took,
        "never suspended within " + timeout.toSeconds() + " s",
        stuck(stopped));
  }

  private static boolean suspendedNow(Workflow workflow) {
    return workflow.status() != null
        && workflow.status().nodes().values().stream()
            .anyMatch(n -> n.type() == NodeType.SUSPEND && !n.phase().isFulfilled());
  }

  /** Terminates the run; kills its steps if it has not ended after a while. */
  private static Workflow stop(WorkflowRun run, CompletableFuture<Workflow> done)
      throws InterruptedException {
    run.terminate();
    try {
      return done.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.killNow();
      try {
        return done.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException again) {
        return run.workflow();
      }
    } catch (ExecutionException e) {
      return run.workflow();
    }
  }

  private static Outcome finished(Workflow workflow, long start) {
    String phase = phase(workflow);
    return new Outcome(phase, elapsed(start), reasons(workflow), stuck(workflow));
  }

  private static String phase(Workflow workflow) {
    return workflow.status() == null || workflow.status().phase() == null
        ? "(no phase)"
        : workflow.status().phase().value();
  }

  /** The workflow's message and those of its failed or errored nodes, earliest first. */
  static String reasons(Workflow workflow) {
    if (workflow.status() == null) {
      return "";
    }
    String nodes =
        workflow.status().nodes().values().stream()
            .filter(n -> n.message() != null && !n.message().isBlank())
            .filter(n -> n.phase() != null && (n.phase().isCompleted() && !isSucceeded(n)))
            .sorted(
                Comparator.comparing(
                    NodeStatus::startedAt, Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(MAX_REASONS)
            .map(n -> n.displayName() + " (" + n.phase().value() + "): " + n.message())
            .collect(Collectors.joining("; "));
    String message = workflow.status().message();
    if (message == null || message.isBlank()) {
      return nodes;
    }
    return nodes.isEmpty() ? message : message + " | " + nodes;
  }

  private static boolean isSucceeded(NodeStatus node) {
    return node.phase().value().equals(Outcome.SUCCEEDED);
  }

  private static List<String> stuck(Workflow workflow) {
    if (workflow.status() == null) {
      return List.of();
    }
    List<String> nodes =
        workflow.status().nodes().values().stream()
            .filter(n -> n.phase() == null || !n.phase().isFulfilled())
            .map(
                n -> n.displayName() + " " + (n.phase() == null ? "(no phase)" : n.phase().value()))
            .toList();
    if (workflow.status().phase() == null || !workflow.status().phase().isCompleted()) {
      return java.util.stream.Stream.concat(
              java.util.stream.Stream.of("workflow " + phase(workflow)), nodes.stream())
          .toList();
    }
    return nodes;
  }

  private static String fileName(InventoryRow row) {
    return Path.of(row.file()).getFileName().toString();
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
