package io.argo4j.testkit.kube;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Plays the kubelet and the in-pod executor for pods created on a (mock) API server: each pod goes
 * Pending, Running, then Succeeded or Failed with container statuses as the kubelet writes them,
 * while a WorkflowTaskResult is written as Argo's wait container does ({@code
 * report-outputs-completed} false at start, true with the outputs at the end). Deletion is honoured
 * after a grace period, and the executor's stop annotation ({@code
 * workflows.argoproj.io/execution}) ends the main container with SIGTERM's exit code.
 *
 * <p>Every state change happens on one thread, in event order. Behaviour per pod comes from the
 * first {@link #onNode rule} whose pattern is found in the pod's node name, else from the {@link
 * #runWith program} if one is set (main then runs for real), else {@link #defaultScript}.
 */
public final class KubeletSimulator implements AutoCloseable {

  static final String LABEL_WORKFLOW = "workflows.argoproj.io/workflow";
  static final String LABEL_REPORT_COMPLETED = "workflows.argoproj.io/report-outputs-completed";
  static final String ANNOTATION_NODE_ID = "workflows.argoproj.io/node-id";
  static final String ANNOTATION_NODE_NAME = "workflows.argoproj.io/node-name";
  static final String ANNOTATION_EXECUTION = "workflows.argoproj.io/execution";
  static final String NODE = "sim-node-1";

  private static final ResourceDefinitionContext TASK_RESULTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("WorkflowTaskResult")
          .withPlural("workflowtaskresults")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;
  private final String namespace;
  private final Duration step;
  private final ScheduledExecutorService kubelet =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("kubelet-simulator").daemon().factory());
  private final Map<String, SimPod> pods = new HashMap<>();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<String> deletedPods = new CopyOnWriteArrayList<>();

  /** Per pod, what the simulator did and when (ms since it first saw the pod), for reports. */
  private final Map<String, List<String>> traces = new ConcurrentHashMap<>();

  private final long origin = System.nanoTime();
  private volatile PodScript defaultScript = PodScript.succeed();
  private volatile PodRunner runner;
  private volatile PodProgram program;
  private SharedIndexInformer<Pod> informer;

  /**
   * Runs the containers of pods for real (for example through argo4j-exec and the wrapper on this
   * host) instead of playing their {@link PodScript}'s outcome. The simulator still schedules the
   * pod and writes its statuses; the runner writes the task result, as a wait container does.
   */
  public interface PodRunner {
    /**
     * Starts the containers of {@code pod}, which the kubelet just moved to Running. Must not
     * block: when the main and wait containers have ended, call {@code ended} with the main
     * container's exit code (from any thread).
     */
    void start(Pod pod, java.util.function.IntConsumer ended);

    /** A started pod changed on the API server (annotations, deletion). */
    default void updated(Pod pod) {}
  }

  private record Rule(Pattern nodeName, PodScript script) {}

  private enum Stage {
    NEW,
    PENDING,
    RUNNING,
    TERMINATED
  }

  private static final class SimPod {
    final String name;
    final String nodeId;
    final String workflow;
    final String uid;
    final PodScript script;
    final List<String> mains;
    final Pod pod;
    PodProgram program;
    PodProgram.Run run;
    PodOutcome outcome;
    Stage stage = Stage.NEW;
    boolean signalled;
    boolean deleting;
    boolean partitioned;
    Instant startedAt;
    final List<ScheduledFuture<?>> timers = new ArrayList<>();

    SimPod(Pod pod, PodScript script) {
      this.pod = pod;
      this.name = pod.getMetadata().getName();
      Map<String, String> a = pod.getMetadata().getAnnotations();
      this.nodeId = a == null ? name : a.getOrDefault(ANNOTATION_NODE_ID, name);
      this.workflow = pod.getMetadata().getLabels().get(LABEL_WORKFLOW);
      this.uid = pod.getMetadata().getUid();
      this.script = script;
      this.mains =
          pod.getSpec().getContainers().stream()
              .map(c -> c.getName())
              .filter(n -> !n.equals("wait"))
              .toList();
    }
  }

  private KubeletSimulator(KubernetesClient client, String namespace, Duration step) {
    this.client = client;
    this.namespace = namespace;
    this.step = step;
  }

  /**
   * Starts simulating the pods of {@code namespace}.
   *
   * @param step the time between two kubelet state changes of a pod (scheduling, start, grace)
   */
  public static KubeletSimulator start(KubernetesClient client, String namespace, Duration step) {
    var sim = new KubeletSimulator(client, namespace, step);
    sim.informer =
        client
            .pods()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    sim.kubelet.execute(() -> sim.handle(pod));
                  }

                  @Override
                  public void onUpdate(Pod oldPod, Pod pod) {
                    sim.kubelet.execute(() -> sim.handle(pod));
                  }

                  @Override
                  public void onDelete(Pod pod, boolean unknown) {
                    sim.kubelet.execute(() -> sim.forget(pod));
                  }
                });
    return sim;
  }

  /** Pods whose node name contains a match of {@code nodeNamePattern} behave as {@code script}. */
  public KubeletSimulator onNode(String nodeNamePattern, PodScript script) {
    rules.add(0, new Rule(Pattern.compile(nodeNamePattern), script));
    return this;
  }

  /** The behaviour of pods no rule matches. */
  public KubeletSimulator defaultScript(PodScript script) {
    this.defaultScript = script;
    return this;
  }

  /** Runs every pod's containers with {@code runner} from now on (see {@link PodRunner}). */
  public KubeletSimulator runPodsWith(PodRunner runner) {
    this.runner = runner;
    return this;
  }

  /**
   * Pods no {@link #onNode rule} matches run {@code program} (their main container for real, in
   * this JVM's executor) instead of playing {@link #defaultScript}. Unlike {@link #runPodsWith},
   * the simulator still plays the wait container and writes the task result itself.
   */
  public KubeletSimulator runWith(PodProgram program) {
    this.program = program;
    return this;
  }

  /** Errors the simulator met while driving pods (they should stay empty). */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * What the simulator knows of a pod, for reports on runs that went wrong: its stage, flags and,
   * for a {@link PodProgram}, the state of its run. Says so if the kubelet thread does not answer
   * within a second (it is then stuck, and every pod with it).
   */
  public String describe(String podName) {
    Future<String> answer =
        kubelet.submit(() -> {
          SimPod sim = pods.get(podName);
          if (sim == null) {
            return "not tracked";
          }
          return "stage="
              + sim.stage
              + (sim.signalled ? " signalled" : "")
              + (sim.deleting ? " deleting" : "")
              + (sim.partitioned ? " partitioned" : "")
              + " timers="
              + sim.timers.stream().filter(t -> !t.isDone()).count()
              + (sim.run == null ? "" : " run=" + sim.run + " outcome=" + sim.outcome)
              + " trace="
              + traces.getOrDefault(podName, List.of());
        });
    try {
      return answer.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      answer.cancel(false);
      return "the kubelet thread did not answer within 1 s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      return "cannot describe: " + e.getCause();
    }
  }

  /** Pods that disappeared from the API server, in order. */
  public List<String> deletedPods() {
    return List.copyOf(deletedPods);
  }

  // ---------------------------------------------------------------- faults, called by tests

  /** Deletes the pod as {@code kubectl delete} or a node autoscaler does (grace, finalizers). */
  public void deletePod(String podName) {
    client.pods().inNamespace(namespace).withName(podName).delete();
  }

  /**
   * Deletes the pod at once, ignoring finalizers, as {@code --force --grace-period=0} plus a
   * finalizer strip.
   */
  public void forceDeletePod(String podName) {
    try {
      client
          .pods()
          .inNamespace(namespace)
          .withName(podName)
          .edit(p -> {
            p.getMetadata().setFinalizers(List.of());
            return p;
          });
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    client.pods().inNamespace(namespace).withName(podName).withGracePeriod(0).delete();
  }

  /** The kubelet evicts the pod (node pressure): Failed, reason Evicted, no container statuses. */
  public void evict(String podName) {
    onKubelet(
        podName,
        sim -> {
          stopTimers(sim);
          sim.stage = Stage.TERMINATED;
          editPod(
              sim.name,
              p -> {
                PodStatus s = status(p);
                s.setPhase("Failed");
                s.setReason("Evicted");
                s.setMessage("The node was low on resource: memory.");
                s.setContainerStatuses(new ArrayList<>());
                return p;
              });
        });
  }

  /**
   * The pod's node stops responding: the pod turns Unknown, and after a while the node controller
   * removes it for good.
   */
  public void loseNode(String podName) {
    onKubelet(
        podName,
        sim -> {
          stopTimers(sim);
          sim.stage = Stage.TERMINATED;
          editPod(
              sim.name,
              p -> {
                PodStatus s = status(p);
                s.setPhase("Unknown");
                s.setReason("NodeLost");
                s.setMessage(
                    "Node " + NODE + " which was running pod " + sim.name + " is unresponsive");
                return p;
              });
          kubelet.schedule(
              () -> safely(sim.name, () -> forceDeletePod(sim.name)),
              step.toMillis() * 3,
              TimeUnit.MILLISECONDS);
        });
  }

  /**
   * The pod's node is cut off: its kubelet no longer acts on the pod or reports anything, not even
   * its deletion. The pod object keeps its last status.
   */
  public void partition(String podName) {
    onKubelet(
        podName,
        sim -> {
          stopTimers(sim);
          sim.partitioned = true;
        });
  }

  private void onKubelet(String podName, java.util.function.Consumer<SimPod> action) {
    kubelet.execute(() -> {
      SimPod sim = pods.get(podName);
      if (sim == null) {
        problems.add("no simulated pod " + podName);
        return;
      }
      safely(podName, () -> action.accept(sim));
    });
  }

  // ---------------------------------------------------------------- the kubelet

  private void handle(Pod pod) {
    String name = pod.getMetadata().getName();
    trace(
        name,
        "event rv="
            + pod.getMetadata().getResourceVersion()
            + " "
            + (pod.getStatus() == null ? null : pod.getStatus().getPhase())
            + (pod.getMetadata().getDeletionTimestamp() != null ? " deleting" : ""));
    SimPod sim = pods.get(name);
    if (sim == null) {
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if (phase != null && !phase.equals("Pending")) {
        return; // a pod this simulator did not start (e.g. after a restart of the test bed)
      }
      if (pod.getMetadata().getLabels() == null
          || !pod.getMetadata().getLabels().containsKey(LABEL_WORKFLOW)) {
        return;
      }
      sim = new SimPod(pod, scriptFor(pod));
      sim.program = matchesRule(pod) ? null : program;
      pods.put(name, sim);
      SimPod s = sim;
      later(sim, step, () -> schedule(s));
    }
    if (sim.partitioned) {
      return;
    }
    if (pod.getMetadata().getDeletionTimestamp() != null && !sim.deleting) {
      sim.deleting = true;
      if (sim.stage != Stage.TERMINATED) {
        SimPod s = sim;
        // SIGTERM; an executor that ignores signals is SIGKILLed after the grace period
        boolean hung = sim.script.has(Fault.HUNG_SIGNAL) || sim.stage != Stage.RUNNING;
        later(
            sim, hung ? step.multipliedBy(3) : step, () -> terminate(s, hung ? 137 : 143, "Error"));
      }
    }
    PodRunner r = runner;
    if (r != null && sim.stage == Stage.RUNNING) {
      r.updated(pod);
    }
    Map<String, String> a = pod.getMetadata().getAnnotations();
    if (a != null
        && r == null
        && a.containsKey(ANNOTATION_EXECUTION)
        && sim.stage == Stage.RUNNING
        && !sim.signalled
        && !sim.script.has(Fault.HUNG_SIGNAL)) {
      sim.signalled = true;
      SimPod s = sim;
      later(sim, step, () -> terminate(s, 143, "Error"));
    }
  }

  private boolean matchesRule(Pod pod) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    String nodeName = a == null ? "" : a.getOrDefault(ANNOTATION_NODE_NAME, "");
    return rules.stream().anyMatch(r -> r.nodeName().matcher(nodeName).find());
  }

  private PodScript scriptFor(Pod pod) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    String nodeName = a == null ? "" : a.getOrDefault(ANNOTATION_NODE_NAME, "");
    for (Rule r : rules) {
      if (r.nodeName().matcher(nodeName).find()) {
        return r.script();
      }
    }
    return defaultScript;
  }

  private void forget(Pod pod) {
    String name = pod.getMetadata().getName();
    trace(name, "deleted");
    deletedPods.add(name);
    SimPod sim = pods.remove(name);
    if (sim != null) {
      stopTimers(sim);
      if (sim.run != null && sim.outcome == null) {
        sim.run.stop(); // the pod is gone: so is its container
      }
    }
  }

  private void schedule(SimPod sim) {
    if (sim.stage != Stage.NEW || sim.deleting) {
      return;
    }
    sim.stage = Stage.PENDING;
    boolean pullFails = sim.script.has(Fault.IMAGE_PULL_FAILURE);
    // the scheduler's binding (a real API server takes it only through pods/binding, which the mock
    // does not serve: this is the one kubelet write that is mock-only)
    client
        .pods()
        .inNamespace(namespace)
        .withName(sim.name)
        .edit(p -> {
          p.getSpec().setNodeName(NODE);
          return p;
        });
    editPod(
        sim.name,
        p -> {
          PodStatus s = status(p);
          s.setPhase("Pending");
          s.setHostIP("10.0.0.1");
          s.setInitContainerStatuses(List.of(waiting("init", "PodInitializing", null)));
          List<ContainerStatus> cs = new ArrayList<>();
          cs.add(waiting("wait", "PodInitializing", null));
          for (String main : sim.mains) {
            cs.add(
                pullFails
                    ? waiting(main, "ImagePullBackOff", "Back-off pulling image: manifest unknown")
                    : waiting(main, "PodInitializing", null));
          }
          s.setContainerStatuses(cs);
          return p;
        });
    if (!pullFails) {
      later(sim, step, () -> run(sim));
    }
  }

  private void run(SimPod sim) {
    if (sim.stage != Stage.PENDING || sim.deleting) {
      return;
    }
    sim.stage = Stage.RUNNING;
    sim.startedAt = now();
    editPod(
        sim.name,
        p -> {
          PodStatus s = status(p);
          s.setPhase("Running");
          s.setStartTime(sim.startedAt.toString());
          s.setPodIP("10.1.0." + (Math.abs(sim.name.hashCode()) % 250 + 1));
          s.setInitContainerStatuses(List.of(terminated("init", 0, "Completed")));
          List<ContainerStatus> cs = new ArrayList<>();
          cs.add(running("wait"));
          for (String main : sim.mains) {
            cs.add(running(main));
          }
          s.setContainerStatuses(cs);
          return p;
        });
    PodRunner r = runner;
    if (r != null) {
      Pod pod = client.pods().inNamespace(namespace).withName(sim.name).get();
      if (pod != null) {
        r.start(
            pod, code -> kubelet.execute(() -> safely(sim.name, () -> terminate(sim, code, null))));
      }
      return;
    }
    writeTaskResult(sim, false, null);
    if (sim.program != null) {
      runProgram(sim);
    } else if (!sim.script.has(Fault.RUN_FOREVER)) {
      boolean oom = sim.script.has(Fault.OOM_KILL);
      later(
          sim,
          sim.script.runFor(),
          () -> terminate(sim, oom ? 137 : sim.script.exitCode(), oom ? "OOMKilled" : null));
    }
  }

  private void runProgram(SimPod sim) {
    sim.run = sim.program.start(sim.pod);
    sim.run
        .outcome()
        .whenComplete((outcome, error) ->
            kubelet.execute(() ->
                safely(
                    sim.name,
                    () -> {
                      if (sim.stage != Stage.RUNNING) {
                        return; // ended meanwhile (deleted or stopped)
                      }
                      sim.outcome =
                          outcome != null
                              ? outcome
                              : PodOutcome.startError("the pod program failed: " + error);
                      Integer code = sim.outcome.exitCode();
                      terminate(sim, code == null ? 128 : code, null);
                    })));
  }

  private void terminate(SimPod sim, int exitCode, String reason) {
    if (sim.stage == Stage.TERMINATED) {
      return;
    }
    boolean started = sim.stage == Stage.RUNNING;
    sim.stage = Stage.TERMINATED;
    stopTimers(sim);
    if (sim.run != null && sim.outcome == null) {
      sim.run.stop();
    }
    PodOutcome outcome = sim.outcome;
    if (started && runner == null && !sim.script.has(Fault.EXECUTOR_NEVER_REPORTS)) {
      writeTaskResult(sim, true, exitCode);
    }
    boolean failed = exitCode != 0 || (outcome != null && !outcome.succeeded());
    String mainReason = reason != null ? reason : failed ? "Error" : "Completed";
    editPod(
        sim.name,
        p -> {
          PodStatus s = status(p);
          s.setPhase(failed ? "Failed" : "Succeeded");
          if (outcome != null && outcome.exitCode() == null) {
            s.setReason(PodOutcome.START_ERROR);
          }
          if (outcome != null && failed && outcome.message() != null) {
            s.setMessage(outcome.message());
          }
          List<ContainerStatus> cs = new ArrayList<>();
          cs.add(terminated("wait", 0, "Completed"));
          for (String main : sim.mains) {
            if (outcome != null && outcome.exitCode() == null) {
              cs.add(waiting(main, PodOutcome.START_ERROR, outcome.message()));
            } else if (outcome != null && outcome.containerExitCodes().containsKey(main)) {
              int code = outcome.containerExitCodes().get(main);
              cs.add(terminated(main, code, code == 0 ? "Completed" : "Error"));
            } else {
              cs.add(
                  started
                      ? terminated(main, exitCode, mainReason)
                      : terminated(main, exitCode, "ContainerStatusUnknown"));
            }
          }
          s.setContainerStatuses(cs);
          return p;
        });
  }

  /** As Argo's wait container: outputs in a WorkflowTaskResult named after the node ID. */
  private void writeTaskResult(SimPod sim, boolean complete, Integer exitCode) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    if (complete && sim.outcome != null) {
      outputs.putAll(outputsOf(sim.outcome, exitCode));
    } else if (complete) {
      if (!sim.script.parameters().isEmpty()) {
        List<Map<String, String>> params = new ArrayList<>();
        sim.script.parameters().forEach((k, v) -> params.add(Map.of("name", k, "value", v)));
        outputs.put("parameters", params);
      }
      if (sim.script.result() != null) {
        outputs.put("result", sim.script.result());
      }
      if (exitCode != null) {
        outputs.put("exitCode", Integer.toString(exitCode));
      }
    }
    GenericKubernetesResource tr = new GenericKubernetesResource();
    tr.setApiVersion("argoproj.io/v1alpha1");
    tr.setKind("WorkflowTaskResult");
    tr.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(sim.nodeId)
            .withNamespace(namespace)
            .withLabels(
                Map.of(
                    LABEL_WORKFLOW,
                    sim.workflow,
                    LABEL_REPORT_COMPLETED,
                    Boolean.toString(complete)))
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion("v1")
                    .withKind("Pod")
                    .withName(sim.name)
                    .withUid(sim.uid)
                    .build())
            .build());
    if (!outputs.isEmpty()) {
      tr.setAdditionalProperty("outputs", outputs);
    }
    trace(sim.name, "task result complete=" + complete);
    var results = client.genericKubernetesResources(TASK_RESULTS).inNamespace(namespace);
    GenericKubernetesResource existing = results.withName(sim.nodeId).get();
    if (existing == null) {
      results.resource(tr).create();
    } else {
      tr.getMetadata().setResourceVersion(null);
      results
          .withName(sim.nodeId)
          .edit(old -> {
            old.getMetadata().setLabels(tr.getMetadata().getLabels());
            if (!outputs.isEmpty()) {
              old.setAdditionalProperty("outputs", outputs);
            }
            return old;
          });
    }
  }

  /** A program's outputs as the wait container reports them. */
  private static Map<String, Object> outputsOf(PodOutcome outcome, Integer exitCode) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    if (!outcome.parameters().isEmpty()) {
      List<Map<String, String>> params = new ArrayList<>();
      outcome.parameters().forEach((k, v) -> params.add(Map.of("name", k, "value", v)));
      outputs.put("parameters", params);
    }
    if (!outcome.artifacts().isEmpty()) {
      List<Map<String, String>> artifacts = new ArrayList<>();
      outcome.artifacts().forEach((k, v) -> artifacts.add(Map.of("name", k, "path", v)));
      outputs.put("artifacts", artifacts);
    }
    if (outcome.result() != null) {
      outputs.put("result", outcome.result());
    }
    if (outcome.exitCode() != null) {
      outputs.put("exitCode", Integer.toString(exitCode));
    }
    return outputs;
  }

  // ---------------------------------------------------------------- helpers

  private void later(SimPod sim, Duration delay, Runnable r) {
    sim.timers.add(
        kubelet.schedule(() -> safely(sim.name, r), delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private static void stopTimers(SimPod sim) {
    sim.timers.forEach(t -> t.cancel(false));
    sim.timers.clear();
  }

  private void safely(String podName, Runnable r) {
    try {
      r.run();
    } catch (KubernetesClientException e) {
      trace(podName, "failed: " + e.getCode());
      if (e.getCode() != 404) {
        problems.add(podName + ": " + e.getMessage());
      }
    } catch (RuntimeException e) {
      trace(podName, "failed: " + e);
      problems.add(podName + ": " + e);
    }
  }

  private void trace(String podName, String what) {
    traces
        .computeIfAbsent(podName, k -> new CopyOnWriteArrayList<>())
        .add((System.nanoTime() - origin) / 1_000_000 + "ms " + what);
  }

  /** A status change, written to the status subresource as the kubelet writes it. */
  private void editPod(String name, UnaryOperator<Pod> edit) {
    Pod written = client.pods().inNamespace(namespace).withName(name).editStatus(edit);
    trace(
        name,
        "wrote "
            + (written.getStatus() == null ? null : written.getStatus().getPhase())
            + " rv="
            + written.getMetadata().getResourceVersion());
  }

  private static PodStatus status(Pod p) {
    if (p.getStatus() == null) {
      p.setStatus(new PodStatus());
    }
    return p.getStatus();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static ContainerStatus waiting(String name, String reason, String message) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withReady(false)
        .withState(
            new ContainerStateBuilder()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .build())
        .build();
  }

  private static ContainerStatus running(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withReady(true)
        .withStarted(true)
        .withState(
            new ContainerStateBuilder()
                .withNewRunning()
                .withStartedAt(now().toString())
                .endRunning()
                .build())
        .build();
  }

  private static ContainerStatus terminated(String name, int exitCode, String reason) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withReady(false)
        .withState(
            new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(exitCode)
                .withReason(reason)
                .withFinishedAt(Instant.now().toString())
                .endTerminated()
                .build())
        .build();
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    kubelet.shutdownNow();
  }
}
