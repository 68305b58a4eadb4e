package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.LoadedWorkflow;
import io.argo4j.runtime.local.LocalTemplates;
import io.argo4j.runtime.local.SubmitOptions;
import io.argo4j.runtime.local.TemplateSet;
import io.argo4j.store.AlreadyExistsException;
import io.argo4j.store.StoredWorkflow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j submit}: as {@code argo submit}, for the local runtime. The workflow is checked and
 * stored, then run by an argo4j process started in the background (its output in the workflow's
 * directory, {@code runner.log}); {@code --wait} or {@code --watch} run it here instead.
 */
@Command(
    name = "submit",
    description = "Submit workflows from files, stdin, or an existing template or cron workflow.")
public final class SubmitCommand extends BaseCommand {
  @Mixin private StateDirOption state;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Workflow manifests: files, URLs, or - for stdin.")
  private List<String> files;

  @Option(
      names = "--from",
      paramLabel = "KIND/NAME",
      description = "Submit from wftmpl/NAME, cwftmpl/NAME or cronwf/NAME.")
  private String from;

  @Mixin private ParameterOptions parameters;

  @Option(names = "--entrypoint", paramLabel = "TEMPLATE", description = "Override the entrypoint.")
  private String entrypoint;

  @Option(names = "--name", paramLabel = "NAME", description = "Override metadata.name.")
  private String name;

  @Option(
      names = "--generate-name",
      paramLabel = "PREFIX",
      description = "Override metadata.generateName.")
  private String generateName;

  @Option(
      names = {"-l", "--labels"},
      paramLabel = "KEY=VALUE,...",
      description = "Comma-separated labels to add to the workflow.")
  private String labels;

  @Option(
      names = "--serviceaccount",
      paramLabel = "NAME",
      description = "Run all pods of the workflow with this service account.")
  private String serviceAccount;

  @Option(names = "--priority", paramLabel = "N", description = "Workflow priority.")
  private Integer priority;

  @Option(
      names = "--scheduled-time",
      paramLabel = "TIME",
      description = "RFC3339 time that {{workflow.scheduledTime}} returns.")
  private String scheduledTime;

  @Mixin private WaitOptions wait;

  @Option(names = "--dry-run", description = "Print the workflow without submitting it.")
  private boolean dryRun;

  @Option(
      names = "--server-dry-run",
      description = "Have the server validate the workflow without creating it.")
  private boolean serverDryRun;

  @Option(
      names = "--strict",
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      paramLabel = "BOOL",
      description =
          "Reject unknown fields; --strict=false accepts them (default: ${DEFAULT-VALUE}).")
  private boolean strict;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: name, json, yaml or wide.")
  private String output;

  @Option(
      names = "--status",
      paramLabel = "PHASE",
      description = "With --watch, show only nodes in this phase.")
  private String status;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "With --watch, show only matching nodes, such as phase=Failed.")
  private String nodeFieldSelector;

  @Override
  public Integer call() throws Exception {
    unsupported(serverDryRun, "--server-dry-run");
    unsupported(scheduledTime != null, "--scheduled-time");
    unsupported(wait.log, "--log (use argo4j logs NAME --follow)");
    unsupported(status != null || nodeFieldSelector != null, "--status and --node-field-selector");
    unsupported(!strict, "--strict=false (manifests are always read strictly)");
    String format = SubmittedWorkflow.format(output);
    if (from != null && files != null && !files.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "give a workflow file or --from, not both");
    }
    if (from == null && (files == null || files.size() != 1)) {
      throw new CliException(
          ExitCodes.USAGE, "give exactly one workflow file (argo4j runs one workflow per submit)");
    }
    Map<String, String> params =
        WorkflowInput.parameters(parameters.parameters, parameters.parameterFile);
    Map<String, String> labelMap = labels();
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      LocalTemplates store = session.runtime().templateStore();
      TemplateSet visible = store.visibleFrom(namespace());
      String source;
      LoadedWorkflow loaded;
      if (from != null) {
        source = from;
        String text = SubmitFrom.manifest(from, namespace(), store);
        loaded =
            WorkflowInput.check(text, source, null, params, entrypoint, visible, err(), style());
      } else {
        Path file = Path.of(files.get(0));
        source = WorkflowInput.source(file);
        loaded = WorkflowInput.load(file, null, params, entrypoint, visible, err(), style());
      }
      Workflow manifest = adjust(loaded.workflow());
      if (dryRun) {
        SubmittedWorkflow.print(manifest, format, style(), out());
        return ExitCodes.OK;
      }
      StoredWorkflow stored;
      try {
        stored =
            session
                .runtime()
                .create(
                    manifest,
                    loaded.templates(),
                    new SubmitOptions(namespace(), params, entrypoint, labelMap));
      } catch (AlreadyExistsException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, source + ": " + e.getMessage());
      }
      SubmittedWorkflow.print(LocalSession.workflow(stored), format, style(), out());
      if (wait.await || wait.watch) {
        return SubmittedWorkflow.runHere(session, stored, wait.watch, style(), out());
      }
      SubmittedWorkflow.runInBackground(session, stored);
      return ExitCodes.OK;
    }
  }

  private void unsupported(boolean given, String what) throws CliException {
    if (given) {
      throw new CliException(ExitCodes.USAGE, what + " is not supported by argo4j submit yet");
    }
  }

  private Workflow adjust(Workflow w) {
    var meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(w.metadata());
    if (name != null) {
      meta.withName(name).withGenerateName(null);
    } else if (generateName != null) {
      meta.withGenerateName(generateName).withName(null);
    }
    var spec = w.spec().toBuilder();
    if (priority != null) {
      spec.priority(priority);
    }
    if (serviceAccount != null) {
      spec.serviceAccountName(serviceAccount);
    }
    return new Workflow(w.apiVersion(), w.kind(), meta.build(), spec.build(), w.status());
  }

  private Map<String, String> labels() throws CliException {
    Map<String, String> out = new LinkedHashMap<>();
    if (labels == null || labels.isBlank()) {
      return out;
    }
    for (String pair : labels.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new CliException(ExitCodes.USAGE, "-l " + labels + ": expected KEY=VALUE,KEY=VALUE");
      }
      out.put(kv[0].trim(), kv[1].trim());
    }
    return out;
  }
}
