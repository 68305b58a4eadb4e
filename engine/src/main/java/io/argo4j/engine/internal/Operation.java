package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argo4j.engine.Action;
import io.argo4j.engine.EngineConfig;
import io.argo4j.engine.NodeIds;
import io.argo4j.engine.Observations;
import io.argo4j.engine.Plan;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.WorkflowPhaseTable;
import io.argo4j.expr.Strftime;
import io.argo4j.model.Artifact;
import io.argo4j.model.Condition;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.NodeFlag;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One reconcile of one workflow (Argo's {@code operate()}): bring node phases up to date with the
 * observed pods, apply shutdown and deadlines, walk the template tree from the entrypoint creating
 * what is due, run the exit handler, and decide the workflow's phase.
 */
public final class Operation {
  static final String LABEL_COMPLETED = "workflows.argoproj.io/completed";
  static final String LABEL_PHASE = "workflows.argoproj.io/phase";
  static final String ANNOTATION_SCHEDULED_TIME = "workflows.argoproj.io/scheduled-time";

  /**
   * An exit handler's node or one of its attempts or children: {@code X.onExit}, {@code
   * X.onExit(1)}.
   */
  private static final java.util.regex.Pattern EXIT_HANDLER_NAME =
      java.util.regex.Pattern.compile("\\.onExit($|[.(\\[])");

  final EngineConfig config;
  final Instant now;
  final Workflow wf;
  final String wfName;
  final String namespace;
  final Observations obs;
  final Expressions expr;
  final NodeTable nodes;
  final Map<String, String> globalParams = new HashMap<>();
  final List<Action> actions = new ArrayList<>();
  final TemplateContext.Resolver resolver;
  final TemplateExecutor executor;
  final SyncLocks locks;
  WorkflowSpec execSpec;
  Instant workflowDeadline;

  private Instant requeueAt;
  private WorkflowPhase phase;
  private String message;
  private Instant startedAt;
  private Instant finishedAt;
  private Outputs outputs;
  private WorkflowSpec storedWfSpec;
  private List<Condition> conditions;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private boolean statusChanged;

  public Operation(EngineConfig config, Workflow wf, Observations obs, Instant now) {
    this.config = config;
    this.now = now;
    this.wf = wf;
    this.wfName = wf.metadata().getName();
    this.namespace =
        wf.metadata().getNamespace() == null ? "default" : wf.metadata().getNamespace();
    this.obs = obs;
    this.expr = new Expressions(now);
    WorkflowStatus st = wf.status();
    this.nodes = new NodeTable(wfName, st == null ? null : st.nodes(), now);
    this.phase = st == null || st.phase() == null ? WorkflowPhase.UNKNOWN : st.phase();
    this.message = st == null ? null : st.message();
    this.startedAt = st == null ? null : st.startedAt();
    this.finishedAt = st == null ? null : st.finishedAt();
    this.outputs = st == null ? null : st.outputs();
    this.storedWfSpec = st == null ? null : st.storedWorkflowTemplateSpec();
    this.conditions =
        st == null || st.conditions() == null ? null : new ArrayList<>(st.conditions());
    Map<String, Template> stored =
        st == null || st.storedTemplates() == null
            ? new TreeMap<>()
            : new TreeMap<>(st.storedTemplates());
    this.resolver = new TemplateContext.Resolver(obs.templates(), namespace, stored);
    this.labels =
        wf.metadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(wf.metadata().getLabels());
    this.annotations =
        wf.metadata().getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(wf.metadata().getAnnotations());
    this.executor = new TemplateExecutor(this);
    this.locks = new SyncLocks(this);
  }

  /** Runs the reconcile and returns its plan. */
  public Plan run() {
    try {
      operate();
    } catch (EngineException e) {
      markWorkflowPhase(WorkflowPhase.ERROR, e.getMessage());
    }
    return plan();
  }

  private void operate() {
    if (phase.isCompleted()) {
      stopLeftoverPods("workflow is completed");
      return;
    }
    if (!setExecWorkflow()) {
      return;
    }
    if (phase == WorkflowPhase.UNKNOWN || phase == WorkflowPhase.PENDING) {
      String invalid = Validation.check(execSpec, wf);
      if (invalid != null) {
        markWorkflowPhase(WorkflowPhase.FAILED, "invalid spec: " + invalid);
        return;
      }
      if (!acquireWorkflowLocks()) {
        return;
      }
      markWorkflowPhase(WorkflowPhase.RUNNING, null);
      workflowDeadline = workflowDeadline();
      if (workflowDeadline != null) {
        requeueAt(workflowDeadline);
      }
    } else {
      workflowDeadline = workflowDeadline();
      new PodReconciler(this).reconcile();
      failNodesWithoutPodsAfterDeadlineOrShutdown();
      if (workflowDeadline != null && now.isBefore(workflowDeadline)) {
        requeueAt(workflowDeadline);
      }
    }

    if (Boolean.TRUE.equals(execSpec.suspend())) {
      return;
    }

    TemplateContext ctx = TemplateContext.local(wfName, execSpec, resolver);
    TemplateContext.Holder entry = new TemplateContext.Holder(execSpec.entrypoint(), null, null);
    Exec root = executor.executeTemplate(wfName, entry, ctx, execSpec.arguments(), Opts.root());
    if (root.failed()) {
      if (root.is(Exec.Kind.PARALLELISM)) {
        return;
      }
      if (!phase.isCompleted()) {
        markWorkflowPhase(
            WorkflowPhase.ERROR, "error in entry template execution: " + root.message());
      }
      return;
    }
    Node node = root.node();
    if (node == null) {
      return;
    }
    WorkflowPhase workflowStatus = workflowPhaseOf(node.phase);
    globalParams.put("workflow.status", workflowStatus.value());
    globalParams.put("workflow.failures", failuresJson());

    boolean hooksCompleted;
    try {
      hooksCompleted = new Hooks(this).executeWorkflowHooks(ctx);
    } catch (EngineException e) {
      nodes.setPhase(node, NodePhase.ERROR, e.getMessage());
      hooksCompleted = true;
    }
    if (!hooksCompleted || !node.isFulfilled()) {
      return;
    }

    Node onExitNode = null;
    LifecycleHook exitHook = exitHook(execSpec);
    if (exitHook != null) {
      String onExitName = wfName + ".onExit";
      onExitNode = nodes.byName(onExitName);
      // A terminated workflow never starts its exit handler, but one already started is always
      // driven to a terminal phase (Argo #13052).
      if (onExitNode != null || Shutdown.of(execSpec).shouldExecute(true)) {
        Opts opts = new Opts(null, true, new NodeFlag(true, null));
        Exec exit =
            executor.executeTemplate(
                onExitName,
                new TemplateContext.Holder(exitHook.template(), exitHook.templateRef(), null),
                ctx,
                exitHook.arguments(),
                opts);
        if (exit.failed() && !exit.is(Exec.Kind.PARALLELISM)) {
          if (!phase.isCompleted()) {
            markWorkflowPhase(
                WorkflowPhase.ERROR, "error in exit template execution : " + exit.message());
          }
          return;
        }
        onExitNode = exit.node();
        if (onExitNode == null || !onExitNode.isFulfilled()) {
          return;
        }
      }
    }

    String workflowMessage;
    Shutdown shutdown = Shutdown.of(execSpec);
    if (node.failedOrError() && shutdown.enabled()) {
      workflowMessage = "Stopped with strategy '" + shutdown.value() + "'";
    } else {
      workflowMessage = node.message;
    }
    switch (workflowStatus) {
      case SUCCEEDED -> {
        if (onExitNode != null && onExitNode.failedOrError()) {
          markWorkflowPhase(
              onExitNode.phase == NodePhase.FAILED ? WorkflowPhase.FAILED : WorkflowPhase.ERROR,
              onExitNode.message);
        } else {
          markWorkflowPhase(WorkflowPhase.SUCCEEDED, null);
        }
      }
      case FAILED -> markWorkflowPhase(WorkflowPhase.FAILED, workflowMessage);
      case ERROR -> markWorkflowPhase(WorkflowPhase.ERROR, workflowMessage);
      default ->
          markWorkflowPhase(
              WorkflowPhase.ERROR, "internal: unexpected phase " + node.phase + " of " + node.name);
    }
  }

  /**
   * Takes the workflow-level locks before the workflow starts (Argo: the workflow stays Pending
   * with the waiting message until it holds them all).
   *
   * @return whether the workflow may start
   */
  private boolean acquireWorkflowLocks() {
    if (!SyncLocks.asksForLocks(execSpec.synchronization())) {
      return true;
    }
    SyncLocks.Outcome outcome;
    try {
      outcome =
          locks.tryAcquire(
              locks.workflowHolder(),
              execSpec.synchronization(),
              io.argo4j.engine.locks.HeldLocks.created(wf));
    } catch (EngineException e) {
      markWorkflowPhase(
          WorkflowPhase.FAILED, "Failed to acquire the synchronization lock. " + e.getMessage());
      return false;
    }
    return switch (outcome) {
      case SyncLocks.Outcome.Acquired a -> true;
      case SyncLocks.Outcome.Failed f -> {
        markWorkflowPhase(
            WorkflowPhase.FAILED, "Failed to acquire the synchronization lock. " + f.message());
        yield false;
      }
      case SyncLocks.Outcome.Waiting w -> {
        Shutdown shutdown = Shutdown.of(execSpec);
        if (shutdown.enabled()) {
          // A workflow stopped while waiting never starts (and so never takes the lock).
          markWorkflowPhase(
              WorkflowPhase.FAILED, "Stopped with strategy '" + shutdown.value() + "'");
        } else {
          markWorkflowPhase(WorkflowPhase.PENDING, w.message());
        }
        yield false;
      }
    };
  }

  boolean phaseIsCompleted() {
    return phase.isCompleted();
  }

  /** The workflow's priority for lock queues ({@code spec.priority}, 0 when unset). */
  int priority() {
    WorkflowSpec spec = execSpec != null ? execSpec : wf.spec();
    return spec == null || spec.priority() == null ? 0 : spec.priority();
  }

  static LifecycleHook exitHook(WorkflowSpec spec) {
    if (spec.hooks() != null && spec.hooks().containsKey("exit")) {
      return spec.hooks().get("exit");
    }
    if (spec.onExit() != null && !spec.onExit().isEmpty()) {
      return new LifecycleHook(spec.onExit(), null, spec.arguments(), null);
    }
    return null;
  }

  static WorkflowPhase workflowPhaseOf(NodePhase p) {
    return switch (p) {
      case PENDING -> WorkflowPhase.PENDING;
      case RUNNING -> WorkflowPhase.RUNNING;
      case SUCCEEDED, SKIPPED, OMITTED -> WorkflowPhase.SUCCEEDED;
      case FAILED -> WorkflowPhase.FAILED;
      case ERROR -> WorkflowPhase.ERROR;
    };
  }

  // ---- exec workflow and global parameters ----------------------------------------------------

  /** Builds the spec to execute (merging a workflowTemplateRef) and the global parameters. */
  private boolean setExecWorkflow() {
    WorkflowSpec spec = wf.spec();
    try {
      if (spec.workflowTemplateRef() != null) {
        if (storedWfSpec == null
            || !Objects.equals(storedWfSpec.suspend(), spec.suspend())
            || !Objects.equals(storedWfSpec.shutdown(), spec.shutdown())) {
          WorkflowSpec base =
              storedWfSpec != null
                  ? storedWfSpec
                  : WorkflowTemplateMerge.referencedSpec(
                      spec.workflowTemplateRef(), obs.templates(), namespace);
          storedWfSpec = WorkflowTemplateMerge.merge(spec, base);
          statusChanged = true;
        }
        execSpec = storedWfSpec;
      } else {
        execSpec = spec;
      }
    } catch (EngineException e) {
      markWorkflowPhase(WorkflowPhase.ERROR, e.getMessage());
      return false;
    }
    try {
      setGlobalParameters();
    } catch (EngineException e) {
      markWorkflowPhase(WorkflowPhase.FAILED, "failed to set global parameters: " + e.getMessage());
      return false;
    }
    try {
      execSpec = substituteGlobals(execSpec);
      if (phase == WorkflowPhase.UNKNOWN) {
        new WorkflowMetadataUpdater(this).apply(labels, annotations);
      }
    } catch (EngineException e) {
      markWorkflowPhase(WorkflowPhase.ERROR, e.getMessage());
      return false;
    }
    globalParams.put("workflow.status", phase.value());
    long seconds =
        startedAt == null ? 0 : Math.max(0, Duration.between(startedAt, now).toMillis()) / 1000;
    globalParams.put("workflow.duration", String.format("%f", (double) seconds));
    return true;
  }

  private void setGlobalParameters() {
    globalParams.put("workflow.name", wfName);
    globalParams.put("workflow.namespace", namespace);
    globalParams.put(
        "workflow.mainEntrypoint", execSpec.entrypoint() == null ? "" : execSpec.entrypoint());
    globalParams.put(
        "workflow.serviceAccountName",
        execSpec.serviceAccountName() == null ? "" : execSpec.serviceAccountName());
    globalParams.put("workflow.uid", wf.metadata().getUid() == null ? "" : wf.metadata().getUid());
    Instant created = creationTimestamp();
    globalParams.put("workflow.creationTimestamp", Times.rfc3339(created));
    for (char c : Strftime.CHARACTERS) {
      globalParams.put("workflow.creationTimestamp." + c, Strftime.format(c, created));
    }
    globalParams.put("workflow.creationTimestamp.s", Long.toString(created.getEpochSecond()));
    globalParams.put("workflow.creationTimestamp.RFC3339", Times.rfc3339(created));
    String scheduled = annotations.get(ANNOTATION_SCHEDULED_TIME);
    if (scheduled != null) {
      globalParams.put("workflow.scheduledTime", scheduled);
    }
    if (execSpec.priority() != null) {
      globalParams.put("workflow.priority", Integer.toString(execSpec.priority()));
    }
    List<Parameter> params =
        execSpec.arguments() == null || execSpec.arguments().parameters() == null
            ? List.of()
            : execSpec.arguments().parameters();
    String paramsJson = Json.write(params);
    globalParams.put("workflow.parameters", paramsJson);
    globalParams.put("workflow.parameters.json", paramsJson);
    for (Parameter p : params) {
      if (p.value() != null) {
        globalParams.put("workflow.parameters." + p.name(), p.value());
      } else if (p.valueFrom() != null && p.valueFrom().configMapKeyRef() != null) {
        if (p.valueFrom().defaultValue() != null) {
          globalParams.put("workflow.parameters." + p.name(), p.valueFrom().defaultValue());
        } else {
          throw new EngineException(
              "parameter "
                  + p.name()
                  + " comes from ConfigMap "
                  + p.valueFrom().configMapKeyRef().getName()
                  + ", and ConfigMaps are not available to this runtime; give it a value with -p "
                  + p.name()
                  + "=...");
        }
      } else {
        throw new EngineException(
            "either value or valueFrom must be specified in order to set global parameter "
                + p.name());
      }
    }
    if (outputs != null && outputs.parameters() != null) {
      for (Parameter p : outputs.parameters()) {
        if (p.value() != null) {
          globalParams.put("workflow.outputs.parameters." + p.name(), p.value());
        }
      }
    }
    String annotationsJson = Json.write(annotations);
    globalParams.put("workflow.annotations", annotationsJson);
    globalParams.put("workflow.annotations.json", annotationsJson);
    annotations.forEach((k, v) -> globalParams.put("workflow.annotations." + k, v));
    String labelsJson = Json.write(labels);
    globalParams.put("workflow.labels", labelsJson);
    globalParams.put("workflow.labels.json", labelsJson);
    labels.forEach((k, v) -> globalParams.put("workflow.labels." + k, v));
    if (execSpec.workflowMetadata() != null) {
      if (execSpec.workflowMetadata().labels() != null) {
        execSpec
            .workflowMetadata()
            .labels()
            .forEach((k, v) -> globalParams.put("workflow.labels." + k, v));
      }
      if (execSpec.workflowMetadata().annotations() != null) {
        execSpec
            .workflowMetadata()
            .annotations()
            .forEach((k, v) -> globalParams.put("workflow.annotations." + k, v));
      }
    }
  }

  Instant creationTimestamp() {
    String ts = wf.metadata().getCreationTimestamp();
    if (ts == null || ts.isEmpty()) {
      return startedAt != null ? startedAt : now.truncatedTo(ChronoUnit.SECONDS);
    }
    return Instant.parse(ts);
  }

  /** Argo's substituteGlobalVariables: globals into the spec, templates left for later. */
  WorkflowSpec substituteGlobals(WorkflowSpec spec) {
    JsonNode tree = Json.tree(spec);
    JsonNode templates = null;
    if (tree instanceof ObjectNode o) {
      templates = o.remove("templates");
    }
    JsonNode replaced = Json.mapStrings(tree, s -> expr.replace(s, globalParams, true));
    if (templates != null && replaced instanceof ObjectNode o) {
      o.set("templates", templates);
    }
    return Json.convert(replaced, WorkflowSpec.class);
  }

  // ---- deadlines, shutdown -----------------------------------------------------------------

  private Instant workflowDeadline() {
    if (execSpec.activeDeadlineSeconds() == null || startedAt == null) {
      return null;
    }
    return startedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(execSpec.activeDeadlineSeconds());
  }

  boolean deadlineExceeded() {
    return workflowDeadline != null && now.isAfter(workflowDeadline);
  }

  /** Fails suspended and pending nodes that have no pod when shutting down or past deadline. */
  private void failNodesWithoutPodsAfterDeadlineOrShutdown() {
    Shutdown shutdown = Shutdown.of(execSpec);
    for (String id : nodes.allIds()) {
      NodePhase p = nodes.phaseOf(id);
      if (p == null || p.isFulfilled()) {
        continue;
      }
      Node n = nodes.get(id);
      if (n.isFulfilled()) {
        continue;
      }
      boolean partOfExitHandler = isPartOfExitHandler(n);
      if (shutdown.enabled() && !shutdown.shouldExecute(partOfExitHandler)) {
        if (isActiveSuspendNode(n) || isWaitingForLock(n)) {
          nodes.setPhase(n, NodePhase.FAILED, "Stopped with strategy '" + shutdown.value() + "'");
          continue;
        }
      }
      if (shutdown.enabled()
          && !shutdown.shouldExecute(partOfExitHandler)
          && n.type == NodeType.POD
          && n.phase == NodePhase.PENDING
          && !obs.pods().containsKey(n.id)) {
        // its pod is gone (or never came) and must not be started any more
        nodes.setPhase(n, NodePhase.FAILED, "Stopped with strategy '" + shutdown.value() + "'");
        continue;
      }
      if (deadlineExceeded()
          && !partOfExitHandler
          && (n.phase == NodePhase.PENDING || isActiveSuspendNode(n))) {
        nodes.setPhase(n, NodePhase.FAILED, "Step exceeded its deadline");
      }
    }
  }

  static boolean isWaitingForLock(Node n) {
    return n.phase == NodePhase.PENDING && n.synchronizationStatus != null;
  }

  static boolean isActiveSuspendNode(Node n) {
    return n.type == NodeType.SUSPEND && n.phase == NodePhase.RUNNING;
  }

  /** Whether a node is an exit handler or lies under one (walking up boundaries). */
  boolean isPartOfExitHandler(Node n) {
    Node cur = n;
    int guard = 0;
    while (cur != null && guard++ < 10_000) {
      if (EXIT_HANDLER_NAME.matcher(cur.name).find()) {
        return true;
      }
      if (cur.boundaryId == null) {
        return false;
      }
      cur = nodes.get(cur.boundaryId);
    }
    return false;
  }

  /** Stops pods still alive under a finished workflow (a live pod must never outlive it). */
  private void stopLeftoverPods(String why) {
    for (Map.Entry<String, PodObservation> e : obs.pods().entrySet()) {
      PodObservation p = e.getValue();
      if (p.phase() == PodPhase.PENDING) {
        actions.add(new Action.DeletePod(e.getKey(), p.podName(), why));
      } else if (p.phase() == PodPhase.RUNNING && !p.deleting()) {
        actions.add(new Action.StopPod(e.getKey(), p.podName(), Action.StopReason.SHUTDOWN, why));
      }
    }
  }

  // ---- workflow phase ----------------------------------------------------------------------

  void markWorkflowPhase(WorkflowPhase to, String msg) {
    if (to.isCompleted() && hasDaemonNodes()) {
      killDaemonedChildren(null);
    }
    if (phase != to) {
      WorkflowPhaseTable.check(wfName, phase, to);
      phase = to;
      statusChanged = true;
      labels.put(LABEL_PHASE, to.value());
      labels.putIfAbsent(LABEL_COMPLETED, "false");
    }
    if (startedAt == null && to != WorkflowPhase.PENDING) {
      startedAt = now;
      statusChanged = true;
    }
    String m = msg == null || msg.isEmpty() ? null : msg;
    if (!Objects.equals(message, m)) {
      message = m;
      statusChanged = true;
    }
    if (to == WorkflowPhase.ERROR) {
      Node root = nodes.byName(wfName);
      if (root != null && root.phase == NodePhase.RUNNING) {
        nodes.setPhase(root, NodePhase.ERROR, "Workflow operation error");
      }
    }
    if (to.isCompleted()) {
      finishedAt = now;
      if (startedAt != null && finishedAt.isBefore(startedAt)) {
        finishedAt = startedAt;
      }
      globalParams.put(
          "workflow.duration",
          String.format("%f", Duration.between(startedAt, finishedAt).toMillis() / 1000.0));
      labels.put(LABEL_COMPLETED, "true");
      upsertCondition(new Condition("Completed", "True", null));
      // Nothing under a finished workflow may stay non-terminal (invariant I2).
      failUnfinishedNodes(to);
      stopLeftoverPods("workflow completed");
    }
  }

  /** Every node still pending or running when the workflow finishes fails with the reason. */
  private void failUnfinishedNodes(WorkflowPhase to) {
    for (String id : nodes.allIds()) {
      NodePhase p = nodes.phaseOf(id);
      if (p == NodePhase.PENDING || p == NodePhase.RUNNING) {
        Node n = nodes.get(id);
        String why =
            message != null && !message.isEmpty()
                ? message
                : "workflow finished " + to.value() + " before this node did";
        nodes.setPhase(n, to == WorkflowPhase.ERROR ? NodePhase.ERROR : NodePhase.FAILED, why);
        if (Boolean.FALSE.equals(n.taskResultSynced)) {
          n.taskResultSynced = true;
        }
      }
    }
  }

  private void upsertCondition(Condition c) {
    if (conditions == null) {
      conditions = new ArrayList<>();
    }
    conditions.removeIf(x -> Objects.equals(x.type(), c.type()));
    conditions.add(c);
    statusChanged = true;
  }

  boolean hasDaemonNodes() {
    for (String id : nodes.allIds()) {
      Node n = nodes.get(id);
      if (n.isDaemoned()) {
        return true;
      }
    }
    return false;
  }

  /** Kills the daemons in a scope (all of the workflow's when {@code boundaryId} is null). */
  void killDaemonedChildren(String boundaryId) {
    for (String id : boundaryId == null ? nodes.allIds() : nodes.members(boundaryId)) {
      Node n = nodes.get(id);
      if (!n.isDaemoned()) {
        continue;
      }
      actions.add(
          new Action.StopPod(
              n.id,
              NodeIds.podName(wfName, n.name, templateNameOf(n)),
              Action.StopReason.DAEMON_SCOPE_DONE,
              "daemon's scope completed"));
      n.daemoned = null;
      if (!n.phase.isFulfilled()) {
        nodes.setPhase(n, NodePhase.SUCCEEDED, null);
      }
      n.touch();
    }
  }

  static String templateNameOf(Node n) {
    if (n.templateName != null && !n.templateName.isEmpty()) {
      return n.templateName;
    }
    if (n.templateRef != null) {
      return n.templateRef.template();
    }
    return "";
  }

  String failuresJson() {
    List<Map<String, Object>> failures = new ArrayList<>();
    for (String id : nodes.allIds()) {
      NodePhase p = nodes.phaseOf(id);
      if (p != NodePhase.FAILED && p != NodePhase.ERROR) {
        continue;
      }
      Node n = nodes.get(id);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("displayName", n.displayName);
      f.put("message", n.message == null ? "" : n.message);
      f.put("templateName", templateNameOf(n));
      f.put("phase", n.phase.value());
      f.put("podName", NodeIds.podName(wfName, n.name, templateNameOf(n)));
      f.put("finishedAt", n.finishedAt == null ? null : Times.rfc3339(n.finishedAt));
      failures.add(f);
    }
    return Json.write(failures);
  }

  /** The workflow's outputs so far (global output parameters and artifacts). */
  Outputs workflowOutputs() {
    return outputs;
  }

  // ---- global outputs ----------------------------------------------------------------------

  void addOutputsToGlobalScope(Outputs out) {
    if (out == null) {
      return;
    }
    if (out.parameters() != null) {
      for (Parameter p : out.parameters()) {
        addParamToGlobalScope(p);
      }
    }
    if (out.artifacts() != null) {
      for (Artifact a : out.artifacts()) {
        addArtifactToGlobalScope(a);
      }
    }
  }

  private void addParamToGlobalScope(Parameter p) {
    if (p.globalName() == null || p.globalName().isEmpty()) {
      return;
    }
    if (p.value() != null) {
      globalParams.put("workflow.outputs.parameters." + p.globalName(), p.value());
    }
    List<Parameter> params =
        outputs == null || outputs.parameters() == null
            ? new ArrayList<>()
            : new ArrayList<>(outputs.parameters());
    Parameter global = new Parameter(p.globalName(), p.value(), null, null, null, null, null);
    boolean replaced = false;
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(p.globalName())) {
        if (!params.get(i).equals(global)) {
          params.set(i, global);
          statusChanged = true;
        }
        replaced = true;
      }
    }
    if (!replaced) {
      params.add(global);
      statusChanged = true;
    }
    outputs = withParameters(outputs, params);
  }

  private void addArtifactToGlobalScope(Artifact a) {
    if (a.globalName() == null || a.globalName().isEmpty()) {
      return;
    }
    Artifact global = Artifacts.renamed(a, a.globalName());
    List<Artifact> arts =
        outputs == null || outputs.artifacts() == null
            ? new ArrayList<>()
            : new ArrayList<>(outputs.artifacts());
    boolean replaced = false;
    for (int i = 0; i < arts.size(); i++) {
      if (arts.get(i).name().equals(a.globalName())) {
        if (!arts.get(i).equals(global)) {
          arts.set(i, global);
          statusChanged = true;
        }
        replaced = true;
      }
    }
    if (!replaced) {
      arts.add(global);
      statusChanged = true;
    }
    outputs =
        new Outputs(
            outputs == null ? null : outputs.parameters(),
            arts,
            outputs == null ? null : outputs.result(),
            outputs == null ? null : outputs.exitCode());
  }

  private static Outputs withParameters(Outputs o, List<Parameter> params) {
    return new Outputs(
        params,
        o == null ? null : o.artifacts(),
        o == null ? null : o.result(),
        o == null ? null : o.exitCode());
  }

  // ---- plan --------------------------------------------------------------------------------

  void requeueAt(Instant at) {
    if (at == null) {
      return;
    }
    if (!at.isAfter(now)) {
      at = now.plus(config.defaultRequeue());
    }
    if (requeueAt == null || at.isBefore(requeueAt)) {
      requeueAt = at;
    }
  }

  void requeueSoon() {
    requeueAt(now.plus(config.defaultRequeue()));
  }

  private Plan plan() {
    WorkflowStatus old = wf.status();
    SyncLocks.Result sync = locks.finish();
    if (!Objects.equals(sync.status(), old == null ? null : old.synchronization())) {
      statusChanged = true;
    }
    boolean nodesChanged = nodes.changed();
    boolean changed =
        nodesChanged
            || statusChanged
            || resolver.storedChanged
            || !labels.equals(
                wf.metadata().getLabels() == null ? Map.of() : wf.metadata().getLabels())
            || !annotations.equals(
                wf.metadata().getAnnotations() == null ? Map.of() : wf.metadata().getAnnotations());
    Workflow out = wf;
    if (changed) {
      Map<String, NodeStatus> nodeMap = nodes.toStatusMap();
      WorkflowStatus.Builder b = old == null ? WorkflowStatus.builder() : old.toBuilder();
      b.phase(phase)
          .message(message)
          .startedAt(startedAt)
          .finishedAt(finishedAt)
          .nodes(nodeMap.isEmpty() ? null : nodeMap)
          .outputs(outputs)
          .conditions(conditions)
          .storedTemplates(resolver.stored().isEmpty() ? null : resolver.stored())
          .storedWorkflowTemplateSpec(storedWfSpec)
          .synchronization(sync.status())
          .progress(Progress.of(nodeMap.values()));
      ObjectMeta meta =
          new ObjectMetaBuilder(wf.metadata())
              .withLabels(labels.isEmpty() ? null : labels)
              .withAnnotations(annotations.isEmpty() ? null : annotations)
              .build();
      out = new Workflow(wf.apiVersion(), wf.kind(), meta, wf.spec(), b.build());
    }
    // A pod asked for earlier in this reconcile whose node has since been failed (its group or the
    // workflow ended) must not start.
    actions.removeIf(a ->
        a instanceof Action.StartPod s
            && nodes.get(s.nodeId()) != null
            && nodes.get(s.nodeId()).phase.isFulfilled());
    if (!phase.isCompleted() && requeueAt == null && hasActiveWaits()) {
      requeueSoon();
    }
    return new Plan(
        out,
        changed,
        actions,
        java.util.Optional.ofNullable(phase.isCompleted() ? null : requeueAt),
        nodes.transitions(),
        sync.claims());
  }

  /** Whether anything unfinished could need a look without a new observation. */
  private boolean hasActiveWaits() {
    return false;
  }
}
