package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.executor.ExecutorConfig;
import io.argo4j.executor.ExecutorConfigException;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.LocalRuntime;
import io.argo4j.runtime.local.LocalRuntimeConfig;
import io.argo4j.runtime.local.RecoveryListener;
import io.argo4j.runtime.local.RunListener;
import io.argo4j.runtime.local.WorkflowRun;
import io.argo4j.store.StoreFailureException;
import io.argo4j.store.StoredWorkflow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local runtime as the commands use it: opened on the state directory, getting interrupted
 * workflows going again (in the background, or here for the commands that wait for one), and
 * turning its failures into one-line errors.
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
   * Finishes {@code stored} here if its runner died (and nobody else has taken it meanwhile),
   * saying so on {@code err}: for {@code wait} and {@code logs --follow}, which wait for its end
   * anyway.
   */
  void recover(StoredWorkflow stored, PrintWriter err) throws CliException, InterruptedException {
    finishHere(stored, reporting(err));
  }

  /**
   * Runs {@code stored}, which this command has just stored, here until it ends (unless another
   * process took it first), telling {@code progress} what happens: {@code submit --wait} and {@code
   * --watch}.
   */
  void runHere(StoredWorkflow stored, RunListener progress)
      throws CliException, InterruptedException {
    finishHere(
        stored,
        new RecoveryListener() {
          @Override
          public void resuming(Workflow workflow) {}

          @Override
          public void finished(Workflow workflow) {}

          @Override
          public RunListener runListener(Workflow workflow) {
            return progress;
          }
        });
  }

  private void finishHere(StoredWorkflow stored, RecoveryListener listener)
      throws CliException, InterruptedException {
    try {
      if (runtime.isRunning(stored)) {
        return;
      }
      Workflow workflow = workflow(stored);
      Optional<WorkflowRun> run = runtime.resume(stored, listener.runListener(workflow));
      if (run.isPresent()) {
        listener.resuming(workflow);
        listener.finished(run.get().run());
      }
    } catch (ExecutorConfigException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot run " + stored.key().name() + ": " + e, e);
    }
  }

  /**
   * Hands every workflow whose runner died to a runner process of its own, in the background (as
   * {@code submit} does), saying so on {@code err}: the command goes on at once, however long the
   * workflow still has to run (a suspended one may wait for {@code argo4j resume}).
   */
  void resumeInBackground(PrintWriter err) throws CliException {
    List<StoredWorkflow> interrupted;
    try {
      interrupted = runtime.interrupted();
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot list interrupted workflows: " + e, e);
    }
    for (StoredWorkflow stored : interrupted) {
      String name = stored.key().name();
      Path log = runtime.workflowDirectory(stored.uid()).resolve("runner.log");
      try {
        ProcessHandle runner = BackgroundRunner.start(log, waitArgs(stored));
        runtime.handOver(stored, runner);
      } catch (IOException e) {
        throw new CliException(
            ExitCodes.FAILURE,
            "workflow "
                + name
                + " was interrupted when its runner stopped, and no process can be started to"
                + " resume it ("
                + e.getMessage()
                + "); run argo4j wait "
                + name
                + " to resume it here");
      }
      err.println(
          "argo4j: "
              + name
              + " was interrupted when its runner stopped; resuming it in the background (log: "
              + log
              + ")");
      err.flush();
    }
  }

  /** The arguments of the background runner of {@code stored}: {@code argo4j wait} on it. */
  List<String> waitArgs(StoredWorkflow stored) {
    return List.of(
        "wait",
        stored.key().name(),
        "-n",
        stored.key().namespace(),
        "--state-dir",
        runtime.config().stateDirectory().toString());
  }

  private static RecoveryListener reporting(PrintWriter err) {
    return new RecoveryListener() {
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
    };
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
