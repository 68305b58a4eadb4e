package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.InterruptSignals;
import io.argo4j.cli.render.LiveProgress;
import io.argo4j.executor.ExecutorConfigException;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.runtime.local.LoadedWorkflow;
import io.argo4j.runtime.local.RunListener;
import io.argo4j.runtime.local.SubmitOptions;
import io.argo4j.runtime.local.WorkflowRun;
import io.argo4j.store.AlreadyExistsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j run}: runs one workflow on this machine, each step a local process, and exits with
 * its result (0 Succeeded, 1 Failed or Error, 2 invalid input: nothing runs). Not in {@code argo}.
 */
@Command(
    name = "run",
    description = "Run a workflow on this machine, with no cluster, and exit with its result.")
public final class RunCommand extends BaseCommand {

  /** {@code -o} values. */
  public enum Output {
    JSON,
    YAML,
    WIDE;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Parameters(paramLabel = "FILE", description = "The workflow manifest; - for stdin.")
  private Path file;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Input parameter of the workflow; repeatable.")
  private Map<String, String> parameters;

  @Option(
      names = {"-f", "--parameter-file"},
      paramLabel = "FILE",
      description = "YAML or JSON file of input parameters (name: value).")
  private Path parameterFile;

  @Option(names = "--entrypoint", paramLabel = "TEMPLATE", description = "Override the entrypoint.")
  private String entrypoint;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "Folder of WorkflowTemplates and ClusterWorkflowTemplates that templateRef uses.")
  private Path templates;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Print the finished workflow in this format: ${COMPLETION-CANDIDATES}.")
  private Output output;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Folder for the run's state, logs and artifacts.")
  private Path stateDir;

  @Override
  public Integer call() throws Exception {
    Map<String, String> params = WorkflowInput.parameters(parameters, parameterFile);
    boolean machineOutput = output == Output.JSON || output == Output.YAML;
    // with -o json|yaml stdout carries the workflow alone: progress goes to stderr
    PrintWriter progressOut = machineOutput ? err() : out();
    RunListener progress = ProgressOutput.of(progressOut, style(), !machineOutput);

    try (LocalSession session = LocalSession.open(stateDir)) {
      LoadedWorkflow loaded =
          WorkflowInput.load(
              file,
              templates,
              params,
              entrypoint,
              session.runtime().templateStore().visibleFrom(namespace()),
              err(),
              style());
      session.resumeInBackground(err());
      WorkflowRun run;
      try {
        run =
            session
                .runtime()
                .submit(
                    loaded.workflow(),
                    loaded.templates(),
                    new SubmitOptions(namespace(), params, entrypoint, Map.of()),
                    progress);
      } catch (AlreadyExistsException e) {
        throw new CliException(
            ExitCodes.USAGE,
            e.getMessage()
                + "; delete it (argo4j delete NAME) or use metadata.generateName for a new name"
                + " each run");
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, source() + ": " + e.getMessage());
      } catch (ExecutorConfigException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
      }
      Workflow done;
      String grace = session.runtime().config().stopGrace().toSeconds() + "s";
      InterruptSignals signals =
          InterruptSignals.install(
              () -> {
                note(
                    progress,
                    "argo4j: terminating "
                        + run.name()
                        + ": steps get SIGTERM, then SIGKILL after "
                        + grace
                        + "; press Ctrl-C again to kill them now");
                run.terminate();
              },
              () -> {
                note(progress, "argo4j: killing the steps of " + run.name() + " now");
                run.killNow();
              });
      try {
        done = run.run();
      } finally {
        signals.close();
      }
      return finish(session, done);
    }
  }

  /** A message while the run goes on: below the live rows on a terminal, else on stderr. */
  private void note(RunListener progress, String message) {
    if (progress instanceof LiveProgress live) {
      live.note(message);
    } else {
      err().println(message);
      err().flush();
    }
  }

  private int finish(LocalSession session, Workflow done) throws IOException {
    if (output == Output.JSON) {
      out().print(ManifestWriter.create().toJson(done));
    } else if (output == Output.YAML) {
      out().print(ManifestWriter.create().toYaml(done));
    } else {
      ProgressOutput.ending(session, done, n -> true, output == Output.WIDE, style(), out());
    }
    out().flush();
    boolean succeeded =
        done.status() != null && done.status().phase() == io.argo4j.model.WorkflowPhase.SUCCEEDED;
    return succeeded ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private String source() {
    return WorkflowInput.source(file);
  }
}
