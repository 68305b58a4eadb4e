package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.executor.ExecutorConfig;
import io.argo4j.executor.ExecutorConfigException;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.LocalRuntime;
import io.argo4j.runtime.local.LocalRuntimeConfig;
import io.argo4j.runtime.local.RecoveryListener;
import io.argo4j.store.StoreFailureException;
import io.argo4j.store.StoredWorkflow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local runtime as the commands use it: opened on the state directory, finishing interrupted
 * workflows first, and turning its failures into one-line errors.
 */
final class LocalSession implements AutoCloseable {

  private final LocalRuntime runtime;

  private LocalSession(LocalRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Opens the state directory of {@code --state-dir}, {@code $ARGO4J_HOME} or {@code ~/.argo4j}.
   */
  static LocalSession open(Path stateDir) throws CliException {
    Map<String, String> env = System.getenv();
    Path dir = LocalRuntimeConfig.defaultStateDirectory(stateDir, env);
    ExecutorConfig executor;
    try {
      executor = ExecutorConfig.fromEnvironment(env);
    } catch (ExecutorConfigException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    }
    try {
      return new LocalSession(LocalRuntime.open(LocalRuntimeConfig.of(dir, executor)));
    } catch (StoreFailureException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    }
  }

  LocalRuntime runtime() {
    return runtime;
  }

  /**
   * Finishes the workflows whose runner died (argo4j killed, machine restarted), saying so on
   * {@code err}, so that nothing stays Running.
   */
  void recover(PrintWriter err) throws CliException, InterruptedException {
    try {
      runtime.recover(
          new RecoveryListener() {
            @Override
            public void resuming(Workflow workflow) {
              err.println(
                  "argo4j: resuming "
                      + workflow.metadata().getName()
                      + ", interrupted when its runner stopped; finishing it first");
              err.flush();
            }

            @Override
            public void finished(Workflow workflow) {
              err.println(
                  "argo4j: "
                      + workflow.metadata().getName()
                      + " "
                      + (workflow.status() == null || workflow.status().phase() == null
                          ? "finished"
                          : workflow.status().phase().value()));
              err.flush();
            }
          });
    } catch (ExecutorConfigException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot resume interrupted workflows: " + e, e);
    }
  }

  /** The workflow named {@code name} ({@code @latest} for the newest) or a one-line error. */
  StoredWorkflow require(String namespace, String name) throws CliException {
    return runtime
        .find(namespace, name)
        .orElseThrow(() ->
            new CliException(
                ExitCodes.FAILURE,
                name.equals("@latest")
                    ? "no workflows in namespace " + namespace
                    : "workflow " + namespace + "/" + name + " not found"));
  }

  static Workflow workflow(StoredWorkflow stored) {
    return LocalRuntime.workflow(stored);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
