package io.argo4j.contract;

import io.argo4j.engine.EngineConfig;
import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.LocalRuntime;
import io.argo4j.runtime.local.LocalRuntimeConfig;
import io.argo4j.runtime.local.RunListener;
import io.argo4j.runtime.local.SubmitOptions;
import io.argo4j.runtime.local.TemplateSet;
import io.argo4j.runtime.local.WorkflowRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local runtime: each example in a state directory of its own, as {@code argo4j run} would run
 * it, in the cluster side's namespace so that {@code {{workflow.namespace}}} reads the same.
 */
record LocalSide(Path stateRoot, ExecutorConfig executor, EngineConfig engine) {

  private static final Duration STOP_WAIT = Duration.ofSeconds(20);

  /** Runs the workflow; terminates it when {@code timeout} passes and returns it as it ended. */
  Workflow run(String id, Workflow workflow, TemplateSet templates, Duration timeout)
      throws Exception {
    LocalRuntimeConfig config =
        LocalRuntimeConfig.of(stateRoot.resolve(id), executor)
            .withEngine(engine)
            .withStopGrace(Duration.ofSeconds(2));
    try (LocalRuntime runtime = LocalRuntime.open(config)) {
      WorkflowRun run =
          runtime.submit(
              workflow,
              templates,
              new SubmitOptions(ClusterSide.NAMESPACE, Map.of(), null, Map.of()),
              RunListener.none());
      CompletableFuture<Workflow> done = new CompletableFuture<>();
      Thread.ofPlatform()
          .name("contract-local-" + id)
          .start(() -> {
            try {
              done.complete(run.run());
            } catch (Throwable t) {
              done.completeExceptionally(t);
            }
          });
      try {
        return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        run.terminate();
        try {
          return done.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException again) {
          run.killNow();
          return run.workflow();
        }
      }
    }
  }
}
