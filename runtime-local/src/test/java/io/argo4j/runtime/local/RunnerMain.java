package io.argo4j.runtime.local;

import io.argo4j.executor.ExecutorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A runner in a process of its own, for tests that kill it: runs the workflow file {@code args[1]}
 * in the state directory {@code args[0]}.
 */
public final class RunnerMain {
  private RunnerMain() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    Path file = Path.of(args[1]);
    LoadedWorkflow loaded =
        WorkflowFiles.load(Files.readString(file), file.toString(), null, Map.of(), null);
    LocalRuntimeConfig config =
        LocalRuntimeConfig.of(
            state, ExecutorConfig.builder().runnerGoneGrace(Duration.ofSeconds(1)).build());
    try (LocalRuntime runtime = LocalRuntime.open(config)) {
      runtime
          .submit(
              loaded.workflow(), loaded.templates(), SubmitOptions.defaults(), RunListener.none())
          .run();
    }
  }
}
