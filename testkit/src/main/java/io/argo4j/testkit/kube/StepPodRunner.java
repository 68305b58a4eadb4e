package io.argo4j.testkit.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.executor.ExecutorConfig;
import io.argo4j.executor.ExecutorConfigException;
import io.argo4j.executor.StepExecutor;
import io.argo4j.executor.StepHandle;
import io.argo4j.executor.StepResult;
import io.argo4j.executor.StepSpec;
import io.argo4j.executor.TemplateSteps;
import io.argo4j.model.Template;
import io.argo4j.model.io.ModelJson;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PodProgram} that runs each pod's step on this machine, as the local runtime runs it: it
 * reads the fully substituted template the controller put into the pod ({@code ARGO_TEMPLATE}),
 * turns it into a {@link StepSpec} with {@link TemplateSteps} (the local runtime's conversion) and
 * runs it with the executor's {@link StepExecutor}. Each pod gets a step directory of its own under
 * {@code root}.
 *
 * <p>The pod's main container must run the template's own command and args behind the executor's
 * wrapper; a pod whose command says otherwise fails with a message saying so, since the step run
 * would then not be the pod's.
 */
public final class StepPodRunner implements PodProgram, AutoCloseable {

  static final String ENV_TEMPLATE = "ARGO_TEMPLATE";
  static final String ENV_NODE_ID = "ARGO_NODE_ID";
  static final String ENV_WORKFLOW_NAME = "ARGO_WORKFLOW_NAME";
  static final String ENV_INCLUDE_SCRIPT_OUTPUT = "ARGO_INCLUDE_SCRIPT_OUTPUT";
  static final String ENV_CONTAINER_NAME = "ARGO_CONTAINER_NAME";

  /** What the controller puts before the user's command (see PodFactory and docs/executor.md). */
  private static final String WRAPPER_END = "--";

  private final StepExecutor executor;
  private final Path root;
  private final ObjectMapper json = ModelJson.newObjectMapper();
  private final AtomicInteger started = new AtomicInteger();

  private StepPodRunner(StepExecutor executor, Path root) {
    this.executor = executor;
    this.root = root;
  }

  /**
   * A runner whose steps live under {@code root}.
   *
   * @throws ExecutorConfigException when the executor cannot be set up on this machine
   */
  public static StepPodRunner create(ExecutorConfig config, Path root)
      throws ExecutorConfigException {
    return new StepPodRunner(StepExecutor.create(config), root);
  }

  @Override
  public Run start(Pod pod) {
    StepSpec spec;
    try {
      spec = specOf(pod);
    } catch (IllegalArgumentException e) {
      return new Finished(PodOutcome.startError(e.getMessage()));
    }
    Path dir = root.resolve(started.incrementAndGet() + "-" + pod.getMetadata().getName());
    StepRun run = new StepRun(dir);
    Thread.ofVirtual()
        .name("pod-runner-" + pod.getMetadata().getName())
        .start(() -> run.follow(dir, spec));
    return run;
  }

  /**
   * The step the pod runs.
   *
   * @throws IllegalArgumentException saying what is wrong with the pod or why its template cannot
   *     run here
   */
  StepSpec specOf(Pod pod) {
    List<Container> mains =
        pod.getSpec().getContainers().stream().filter(c -> env(c, ENV_TEMPLATE) != null).toList();
    Container main =
        mains.stream()
            .filter(c -> !"wait".equals(c.getName()))
            .findFirst()
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "pod "
                        + pod.getMetadata().getName()
                        + " has no main container with "
                        + ENV_TEMPLATE));
    Template template;
    try {
      template = json.readValue(env(main, ENV_TEMPLATE), Template.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "pod " + pod.getMetadata().getName() + ": " + ENV_TEMPLATE + " is not a template: " + e);
    }
    if (template.containerSet() == null) {
      checkCommand(pod, main, template);
    }
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    TemplateSteps.StepTarget target =
        new TemplateSteps.StepTarget(
            pod.getMetadata().getNamespace(),
            env(main, ENV_WORKFLOW_NAME),
            env(main, ENV_NODE_ID),
            annotations == null
                ? ""
                : annotations.getOrDefault(KubeletSimulator.ANNOTATION_NODE_NAME, ""),
            pod.getMetadata().getName(),
            Boolean.parseBoolean(env(main, ENV_INCLUDE_SCRIPT_OUTPUT)));
    return switch (TemplateSteps.of(template, target, executor.config().images())) {
      case TemplateSteps.Ready ready -> ready.spec();
      case TemplateSteps.Unsupported unsupported ->
          throw new IllegalArgumentException(unsupported.message());
    };
  }

  /** The user's command behind the wrapper must be the template's, and the args too. */
  private static void checkCommand(Pod pod, Container main, Template template) {
    List<String> command = main.getCommand() == null ? List.of() : main.getCommand();
    int end = command.indexOf(WRAPPER_END);
    List<String> user = end < 0 ? List.of() : command.subList(end + 1, command.size());
    List<String> wantCommand;
    List<String> wantArgs;
    if (template.container() != null) {
      wantCommand = orEmpty(template.container().getCommand());
      wantArgs = orEmpty(template.container().getArgs());
    } else if (template.script() != null) {
      wantCommand = orEmpty(template.script().command());
      wantArgs = orEmpty(template.script().args());
    } else {
      return; // resource and data templates: TemplateSteps says they cannot run here
    }
    List<String> args = orEmpty(main.getArgs());
    if (template.script() != null && args.size() == wantArgs.size() + 1) {
      // a script's pod ends its args with the source file init placed (Argo runs `command args...
      // <file>`); the step here runs the source from the template itself
      args = args.subList(0, wantArgs.size());
    }
    if (!user.equals(wantCommand) || !args.equals(wantArgs)) {
      throw new IllegalArgumentException(
          "pod "
              + pod.getMetadata().getName()
              + ": main runs "
              + command
              + " "
              + args
              + ", not the template's command "
              + wantCommand
              + " "
              + wantArgs
              + " behind the executor's wrapper");
    }
  }

  private static String env(Container c, String name) {
    if (c.getEnv() == null) {
      return null;
    }
    return c.getEnv().stream()
        .filter(e -> name.equals(e.getName()))
        .map(EnvVar::getValue)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** How a step result looks to the kubelet and the wait container. */
  static PodOutcome outcomeOf(StepResult result) {
    if (result.exitCode() == null) {
      return PodOutcome.startError(result.message());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Map<String, Integer> containers = new LinkedHashMap<>();
    result
        .outputParameters()
        .forEach((name, value) -> {
          if (name.startsWith(TemplateSteps.CONTAINER_STATUS_PREFIX)) {
            String code = value == null ? "" : value.strip();
            if (code.matches("\\d+")) {
              containers.put(
                  name.substring(TemplateSteps.CONTAINER_STATUS_PREFIX.length()),
                  Integer.parseInt(code));
            }
          } else {
            parameters.put(name, value == null ? "" : value);
          }
        });
    return new PodOutcome(
        result.exitCode(),
        result.succeeded(),
        result.succeeded() ? null : result.message(),
        result.result(),
        parameters,
        result.outputArtifacts(),
        containers);
  }

  /** A pod whose step could not even start. */
  private record Finished(PodOutcome done) implements Run {
    @Override
    public CompletableFuture<PodOutcome> outcome() {
      return CompletableFuture.completedFuture(done);
    }

    @Override
    public void stop() {}
  }

  /** A started step, followed on a virtual thread. */
  private final class StepRun implements Run {
    private final Path dir;
    private final CompletableFuture<PodOutcome> outcome = new CompletableFuture<>();
    private volatile StepHandle handle;
    private volatile boolean stopped;

    StepRun(Path dir) {
      this.dir = dir;
    }

    /** For reports on pods that never ended: where the step is, and what its directory holds. */
    @Override
    public String toString() {
      StepHandle h = handle;
      String files;
      try (var list = Files.list(dir)) {
        files = list.map(f -> f.getFileName().toString()).sorted().toList().toString();
      } catch (IOException e) {
        files = "(" + e + ")";
      }
      return "step["
          + dir
          + (h == null ? " not started" : " pid=" + h.pid() + " alive=" + h.isAlive())
          + (stopped ? " stopped" : "")
          + " outcome "
          + (outcome.isDone() ? "done" : "pending")
          + " files="
          + files
          + "]";
    }

    void follow(Path dir, StepSpec spec) {
      try {
        StepHandle h = executor.start(spec, dir);
        handle = h;
        if (stopped) {
          h.kill();
        }
        h.onExit()
            .whenComplete((result, error) ->
                outcome.complete(
                    error != null
                        ? PodOutcome.startError("lost track of the step: " + error)
                        : outcomeOf(result)));
      } catch (IOException | RuntimeException e) {
        outcome.complete(PodOutcome.startError("cannot start the step in " + dir + ": " + e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome.complete(PodOutcome.startError("interrupted while starting the step"));
      }
    }

    @Override
    public CompletableFuture<PodOutcome> outcome() {
      return outcome;
    }

    @Override
    public void stop() {
      stopped = true;
      StepHandle h = handle;
      if (h != null && h.isAlive()) {
        h.kill();
      }
    }
  }

  @Override
  public void close() {
    executor.close();
  }
}
