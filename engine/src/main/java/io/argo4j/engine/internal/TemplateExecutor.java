package io.argo4j.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.engine.Action;
import io.argo4j.engine.NodeIds;
import io.argo4j.model.Arguments;
import io.argo4j.model.Artifact;
import io.argo4j.model.Inputs;
import io.argo4j.model.NodeFlag;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeSynchronizationStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.RetryStrategy;
import io.argo4j.model.Template;
import io.argo4j.model.TemplateType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argo's {@code executeTemplate}: resolves a step's, task's or hook's template, binds its
 * arguments, wraps it in a retry node when it has a retry strategy, and dispatches on its type.
 * Idempotent: called on every reconcile for every node that is not yet fulfilled.
 */
final class TemplateExecutor {
  private final Operation op;
  private final NodeTable nodes;
  private final StepsExecutor steps;
  private final DagExecutor dag;

  /** Per boundary, the children whose stdout its template references (computed once). */
  private final Map<String, Set<String>> resultReferences = new HashMap<>();

  private int depth;

  TemplateExecutor(Operation op) {
    this.op = op;
    this.nodes = op.nodes;
    this.steps = new StepsExecutor(op, this);
    this.dag = new DagExecutor(op, this);
  }

  NodeTable nodes() {
    return nodes;
  }

  /**
   * Runs a steps or DAG template's body on its group node (created Running if new), and kills the
   * daemons of its scope once the group is done.
   */
  Exec runGroup(
      String nodeName,
      NodeType type,
      String templateScope,
      Template tmpl,
      TemplateContext.Holder holder,
      Opts opts,
      java.util.function.Function<Node, Exec> body) {
    Node node = nodes.byName(nodeName);
    if (node == null) {
      node =
          initializeExecutableNode(
              nodeName,
              type,
              templateScope,
              tmpl,
              holder,
              opts.boundaryId,
              NodePhase.RUNNING,
              opts.nodeFlag,
              null);
    } else if (node.phase == NodePhase.PENDING) {
      nodes.setPhase(node, NodePhase.RUNNING, null);
    }
    try {
      return body.apply(node);
    } finally {
      if (node.isFulfilled()) {
        op.killDaemonedChildren(node.id);
      }
    }
  }

  StepsExecutor steps() {
    return steps;
  }

  Exec executeTemplate(
      String nodeName,
      TemplateContext.Holder holder,
      TemplateContext ctx,
      Arguments args,
      Opts opts) {
    Node node = nodes.byName(nodeName);
    // A fulfilled node never changes again: skip the (costly) template processing.
    if (node != null && node.isFulfilled()) {
      return Exec.ok(node);
    }
    depth++;
    try {
      if (depth >= op.config.maxStackDepth()) {
        String msg =
            "Maximum recursion depth exceeded: templates nest more than "
                + op.config.maxStackDepth()
                + " levels deep (recursive template without an end condition?)";
        return Exec.of(
            initializeNodeOrMarkError(node, nodeName, holder, ctx, opts, msg),
            Exec.Kind.MAX_DEPTH,
            msg);
      }
      return execute(nodeName, node, holder, ctx, args, opts);
    } finally {
      depth--;
    }
  }

  private Exec execute(
      String nodeName,
      Node node,
      TemplateContext.Holder holder,
      TemplateContext ctx,
      Arguments args,
      Opts opts) {
    TemplateContext.Resolved resolved;
    Template processed;
    try {
      resolved = ctx.resolve(holder);
      Template tmpl = TemplateDefaults.merge(op.execSpec.templateDefaults(), resolved.template());
      Map<String, String> local = new HashMap<>();
      if (isPodType(tmpl) && retryStrategy(tmpl) == null) {
        local.put("pod.name", NodeIds.podName(op.wfName, nodeName, tmpl.name()));
      }
      local.put("node.name", nodeName);
      processed = processArgs(tmpl, args, local);
    } catch (EngineException e) {
      return Exec.error(
          initializeNodeOrMarkError(node, nodeName, holder, ctx, opts, e.getMessage()),
          e.getMessage());
    }
    String templateScope = ctx.templateScope();

    // Template timeout of a node that is still pending (e.g. cannot get its pod scheduled).
    if (node != null && processed.timeout() != null && !processed.timeout().isEmpty()) {
      Duration timeout;
      try {
        timeout = Times.parse(processed.timeout(), "timeout");
      } catch (EngineException e) {
        return Exec.error(markError(node, e.getMessage()), e.getMessage());
      }
      Instant deadline = node.startedAt.plus(timeout);
      if (node.phase == NodePhase.PENDING && op.now.isAfter(deadline)) {
        String msg =
            "Pending " + Times.goDuration(Duration.between(node.startedAt, op.now)) + ": timeout";
        nodes.setPhase(node, NodePhase.FAILED, msg);
        return Exec.of(node, Exec.Kind.TIMEOUT, msg);
      }
    }

    Exec parallelism = checkParallelism(processed, node, opts.boundaryId);
    if (parallelism != null) {
      return parallelism;
    }

    Exec waiting = acquireLocks(nodeName, node, templateScope, processed, holder, ctx, opts);
    if (waiting != null) {
      return waiting;
    }

    RetryStrategy retry = retryStrategy(processed);
    String retryNodeName = null;
    Node retryNode = null;
    if (retry != null) {
      retryNodeName = nodeName;
      retryNode = node;
      if (retryNode == null) {
        retryNode =
            initializeExecutableNode(
                retryNodeName,
                NodeType.RETRY,
                templateScope,
                processed,
                holder,
                opts.boundaryId,
                NodePhase.RUNNING,
                opts.nodeFlag,
                null);
      }
      opts.nodeFlag = new NodeFlag(opts.nodeFlag == null ? null : opts.nodeFlag.hooked(), true);
      RetryDecider.Decision d;
      try {
        d = new RetryDecider(op).process(retryNode, retry, opts);
      } catch (EngineException e) {
        return Exec.error(markError(retryNode, e.getMessage()), e.getMessage());
      }
      if (!d.continueExecution()) {
        return Exec.ok(retryNode);
      }
      List<Node> attempts = RetryDecider.attempts(nodes, retryNode);
      Node last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
      if (retryNode.isFulfilled()) {
        if (last != null) {
          retryNode.outputs = last.outputs;
          retryNode.touch();
        }
        return Exec.ok(retryNode);
      }
      int retryNum;
      if (last != null && !last.isFulfilled()) {
        nodeName = last.name;
        node = last;
        retryNum = attempts.size() - 1;
      } else {
        retryNum = attempts.size();
        nodeName = retryNodeName + "(" + retryNum + ")";
        nodes.addChild(retryNode, nodes.idOf(nodeName));
        node = null;
      }
      Map<String, String> local = new HashMap<>();
      if (isPodType(processed)) {
        local.put("pod.name", NodeIds.podName(op.wfName, nodeName, processed.name()));
      }
      local.put("retries", Integer.toString(retryNum));
      local.put("lastRetry.exitCode", "0");
      local.put("lastRetry.duration", "0");
      local.put("lastRetry.status", "");
      local.put("lastRetry.message", "");
      if (last != null) {
        if (last.outputs != null && last.outputs.exitCode() != null) {
          local.put("lastRetry.exitCode", last.outputs.exitCode());
        }
        local.put("lastRetry.status", last.phase.value());
        local.put("lastRetry.duration", Long.toString(durationSeconds(last)));
        local.put("lastRetry.message", last.message == null ? "" : last.message);
      }
      try {
        processed = substituteParams(processed, op.globalParams, local);
      } catch (EngineException e) {
        return Exec.error(
            initializeNodeOrMarkError(node, nodeName, holder, ctx, opts, e.getMessage()),
            e.getMessage());
      }
    }

    Exec result;
    TemplateType type = processed.type().orElse(null);
    try {
      if (type == null) {
        String msg = "Template '" + processed.name() + "' missing specification";
        result = Exec.error(initializeNodeOrMarkError(node, nodeName, holder, ctx, opts, msg), msg);
      } else {
        result =
            switch (type) {
              case CONTAINER, SCRIPT, RESOURCE, DATA, CONTAINER_SET ->
                  executePod(nodeName, node, templateScope, processed, holder, opts, type);
              case STEPS ->
                  steps.execute(
                      nodeName, resolved.context(), templateScope, processed, holder, opts);
              case DAG ->
                  dag.execute(nodeName, resolved.context(), templateScope, processed, holder, opts);
              case SUSPEND ->
                  executeSuspend(nodeName, node, templateScope, processed, holder, opts);
              case HTTP, PLUGIN -> {
                String msg =
                    type.name().toLowerCase()
                        + " templates need Argo's agent pod, which Argo4j does not provide yet";
                yield Exec.error(
                    initializeNodeOrMarkError(node, nodeName, holder, ctx, opts, msg), msg);
              }
            };
      }
    } catch (EngineException e) {
      result = Exec.error(markError(nodes.byName(nodeName), e.getMessage()), e.getMessage());
    }
    if (result.failed() && result.is(Exec.Kind.ERROR)) {
      Node n = nodes.byName(nodeName);
      if (n != null && !n.phase.isFulfilled()) {
        markError(n, result.message());
      }
      if (retry == null || !RetryDecider.retriesErrors(retry)) {
        return result;
      }
    }
    Node current = nodes.byName(nodeName);
    if (current == null) {
      return result;
    }
    if (retryNodeName != null) {
      if (!retryNode.isFulfilled() && current.isFulfilled()) {
        // The attempt just finished: let the retry node decide (succeed, fail, or try again).
        Exec again = executeTemplate(retryNodeName, holder, ctx, args, opts);
        if (again.failed() && !again.is(Exec.Kind.PARALLELISM)) {
          return again;
        }
        retryNode = again.node() == null ? retryNode : again.node();
      }
      if (!current.isFulfilled() && current.isDaemoned() && retryNode.phase != current.phase) {
        nodes.setPhase(retryNode, current.phase, null);
        retryNode.daemoned = true;
      }
      return Exec.ok(retryNode);
    }
    return result.failed() ? result : Exec.ok(current);
  }

  // ---- synchronization ---------------------------------------------------------------------

  /**
   * Takes the template's mutexes and semaphores (Argo's template-level synchronization). The node
   * holds them, whatever its type; a node that must wait is created Pending with Argo's message and
   * {@code synchronizationStatus.waiting}, and nothing under it starts.
   *
   * @return null when the template may run, else the outcome to return
   */
  private Exec acquireLocks(
      String nodeName,
      Node node,
      String templateScope,
      Template tmpl,
      TemplateContext.Holder holder,
      TemplateContext ctx,
      Opts opts) {
    if (!SyncLocks.asksForLocks(tmpl.synchronization())) {
      return null;
    }
    if (!Shutdown.of(op.execSpec).shouldExecute(opts.onExitTemplate)) {
      // Nothing of this template will start: no lock is needed to fail it.
      return null;
    }
    SyncLocks.Outcome outcome;
    try {
      outcome =
          op.locks.tryAcquire(
              op.locks.nodeHolder(nodes.idOf(nodeName)),
              tmpl.synchronization(),
              node == null ? op.now : node.startedAt);
    } catch (EngineException e) {
      return Exec.error(
          initializeNodeOrMarkError(node, nodeName, holder, ctx, opts, e.getMessage()),
          e.getMessage());
    }
    switch (outcome) {
      case SyncLocks.Outcome.Failed f -> {
        String msg = "Failed to acquire the synchronization lock. " + f.message();
        return Exec.error(initializeNodeOrMarkError(node, nodeName, holder, ctx, opts, msg), msg);
      }
      case SyncLocks.Outcome.Waiting w -> {
        if (node == null) {
          node =
              initializeExecutableNode(
                  nodeName,
                  waitingNodeType(tmpl),
                  templateScope,
                  tmpl,
                  holder,
                  opts.boundaryId,
                  NodePhase.PENDING,
                  opts.nodeFlag,
                  w.message());
          if (tmpl.containerSet() != null && retryStrategy(tmpl) == null) {
            ContainerSets.initializeContainerNodes(this, node, tmpl, templateScope, holder);
          }
        } else if (!w.message().equals(node.message)) {
          node.message = w.message();
          node.touch();
        }
        if (node.synchronizationStatus == null
            || !w.lock().equals(node.synchronizationStatus.waiting())) {
          node.synchronizationStatus = new NodeSynchronizationStatus(w.lock());
          node.touch();
        }
        return Exec.ok(node);
      }
      case SyncLocks.Outcome.Acquired a -> {
        if (node != null && node.synchronizationStatus != null) {
          node.synchronizationStatus = null;
          if (node.message != null && node.message.startsWith("Waiting for ")) {
            node.message = null;
          }
          node.touch();
        }
        if (node != null && node.type == NodeType.RETRY && node.phase == NodePhase.PENDING) {
          nodes.setPhase(node, NodePhase.RUNNING, null);
        }
        return null;
      }
    }
  }

  /** The type a node waiting for a lock gets: the one it will have once it runs. */
  private NodeType waitingNodeType(Template tmpl) {
    if (retryStrategy(tmpl) != null) {
      return NodeType.RETRY;
    }
    if (isPodType(tmpl)) {
      return NodeType.POD;
    }
    if (tmpl.steps() != null) {
      return NodeType.STEPS;
    }
    if (tmpl.dag() != null) {
      return NodeType.DAG;
    }
    if (tmpl.suspend() != null) {
      return NodeType.SUSPEND;
    }
    return NodeType.POD;
  }

  // ---- node creation -----------------------------------------------------------------------

  Node initializeExecutableNode(
      String nodeName,
      NodeType type,
      String templateScope,
      Template tmpl,
      TemplateContext.Holder holder,
      String boundaryId,
      NodePhase phase,
      NodeFlag flag,
      String message) {
    Node n =
        initializeNode(nodeName, type, templateScope, holder, boundaryId, phase, flag, message);
    if (tmpl.inputs() != null
        && ((tmpl.inputs().parameters() != null && !tmpl.inputs().parameters().isEmpty())
            || (tmpl.inputs().artifacts() != null && !tmpl.inputs().artifacts().isEmpty()))) {
      n.inputs = tmpl.inputs();
    }
    if (type == NodeType.SUSPEND) {
      n.outputs = SuspendOutputs.initial(tmpl);
    }
    return n;
  }

  Node initializeNode(
      String nodeName,
      NodeType type,
      String templateScope,
      TemplateContext.Holder holder,
      String boundaryId,
      NodePhase phase,
      NodeFlag flag,
      String message) {
    Node n = nodes.create(nodeName, type, phase, boundaryId, message);
    if (holder != null) {
      n.templateName =
          holder.templateRef() == null && holder.inline() == null ? holder.template() : null;
      n.templateRef = holder.templateRef();
    }
    n.templateScope = templateScope;
    n.nodeFlag = flag;
    if (type == NodeType.POD || type == NodeType.CONTAINER) {
      n.taskResultSynced = phase.isFulfilled() ? Boolean.TRUE : Boolean.FALSE;
    }
    return n;
  }

  private Node initializeNodeOrMarkError(
      Node node,
      String nodeName,
      TemplateContext.Holder holder,
      TemplateContext ctx,
      Opts opts,
      String message) {
    if (node != null) {
      return markError(node, message);
    }
    return initializeNode(
        nodeName,
        NodeType.SKIPPED,
        ctx.templateScope(),
        holder,
        opts.boundaryId,
        NodePhase.ERROR,
        opts.nodeFlag,
        message);
  }

  Node markError(Node node, String message) {
    if (node == null) {
      return null;
    }
    if (!node.phase.isFulfilled()) {
      nodes.setPhase(node, NodePhase.ERROR, message);
    }
    return node;
  }

  // ---- pods --------------------------------------------------------------------------------

  static boolean isPodType(Template t) {
    return t.container() != null
        || t.script() != null
        || t.resource() != null
        || t.data() != null
        || t.containerSet() != null;
  }

  private Exec executePod(
      String nodeName,
      Node node,
      String templateScope,
      Template tmpl,
      TemplateContext.Holder holder,
      Opts opts,
      TemplateType type) {
    if (node == null) {
      node =
          initializeExecutableNode(
              nodeName,
              NodeType.POD,
              templateScope,
              tmpl,
              holder,
              opts.boundaryId,
              NodePhase.PENDING,
              opts.nodeFlag,
              null);
      if (type == TemplateType.CONTAINER_SET) {
        ContainerSets.initializeContainerNodes(this, node, tmpl, templateScope, holder);
      }
    }
    if (node.phase != NodePhase.PENDING) {
      return Exec.ok(node);
    }
    if (op.obs.pods().containsKey(node.id)) {
      return Exec.ok(node);
    }
    Shutdown shutdown = Shutdown.of(op.execSpec);
    if (!shutdown.shouldExecute(opts.onExitTemplate)) {
      nodes.setPhase(
          node, NodePhase.FAILED, "workflow shutdown with strategy: " + shutdown.value());
      return Exec.ok(node);
    }
    if (op.deadlineExceeded() && !opts.onExitTemplate) {
      nodes.setPhase(node, NodePhase.FAILED, "Step exceeded its deadline");
      return Exec.ok(node);
    }
    boolean capture = type == TemplateType.DATA || includeScriptOutput(nodeName, opts.boundaryId);
    Instant deadline = opts.executionDeadline;
    if (!opts.onExitTemplate && op.workflowDeadline != null) {
      deadline =
          deadline == null || op.workflowDeadline.isBefore(deadline)
              ? op.workflowDeadline
              : deadline;
    }
    op.actions.add(
        new Action.StartPod(
            node.id,
            NodeIds.podName(op.wfName, nodeName, tmpl.name()),
            nodeName,
            tmpl,
            opts.onExitTemplate,
            capture,
            deadline));
    if (deadline != null) {
      op.requeueAt(deadline);
    }
    return Exec.ok(node);
  }

  /** Whether the parent template references this step's or task's {@code outputs.result}. */
  boolean includeScriptOutput(String nodeName, String boundaryId) {
    if (boundaryId == null) {
      return false;
    }
    Set<String> names = resultReferences.get(boundaryId);
    if (names == null) {
      names = scanResultReferences(boundaryId);
      resultReferences.put(boundaryId, names);
    }
    return names.contains(stepOrTaskName(nodeName));
  }

  private static final Pattern RESULT_REF =
      Pattern.compile(
          "(?:steps|tasks)(?:\\.([A-Za-z0-9_-]+)|\\[['\"]([^'\"]+)['\"]\\])\\.outputs\\.result");

  /** The steps or tasks whose {@code outputs.result} a group's template references. */
  private Set<String> scanResultReferences(String boundaryId) {
    Node boundary = nodes.get(boundaryId);
    Template parent = boundary == null ? null : templateOf(boundary);
    if (parent == null) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (String s : Json.strings(Json.tree(parent))) {
      if (s.indexOf(".outputs.result") < 0 && s.indexOf("].outputs.result") < 0) {
        continue;
      }
      Matcher m = RESULT_REF.matcher(s);
      while (m.find()) {
        names.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    return names;
  }

  /** Argo's getStepOrDAGTaskName: ".fanout1(0:1)(0)[0]" -> "fanout1". */
  static String stepOrTaskName(String nodeName) {
    String name = nodeName;
    char opener = 0;
    for (int i = name.length() - 1; i >= 0; i--) {
      char c = name.charAt(i);
      if (opener != 0) {
        if (c == opener) {
          opener = 0;
        }
      } else if (c == ')') {
        opener = '(';
      } else if (c == ']') {
        opener = '[';
      } else {
        name = name.substring(0, i + 1);
        break;
      }
    }
    int dot = name.lastIndexOf('.');
    return dot >= 0 ? name.substring(dot + 1) : name;
  }

  /** The template a node was created from, resolved again (null when it cannot be). */
  Template templateOf(Node n) {
    try {
      TemplateContext base = TemplateContext.local(op.wfName, op.execSpec, op.resolver);
      TemplateContext ctx = base.forScope(n.templateScope);
      if (ctx == null) {
        ctx = base;
      }
      if (n.templateRef != null) {
        return ctx.resolve(new TemplateContext.Holder(null, n.templateRef, null)).template();
      }
      if (n.templateName != null && !n.templateName.isEmpty()) {
        return ctx.resolve(new TemplateContext.Holder(n.templateName, null, null)).template();
      }
      if (n.name.equals(op.wfName)) {
        return ctx.resolve(new TemplateContext.Holder(op.execSpec.entrypoint(), null, null))
            .template();
      }
      return null;
    } catch (EngineException e) {
      return null;
    }
  }

  // ---- suspend -----------------------------------------------------------------------------

  private Exec executeSuspend(
      String nodeName,
      Node node,
      String templateScope,
      Template tmpl,
      TemplateContext.Holder holder,
      Opts opts) {
    if (node == null) {
      node =
          initializeExecutableNode(
              nodeName,
              NodeType.SUSPEND,
              templateScope,
              tmpl,
              holder,
              opts.boundaryId,
              NodePhase.PENDING,
              opts.nodeFlag,
              null);
    }
    if (node.isFulfilled()) {
      return Exec.ok(node);
    }
    Instant requeue = null;
    String duration = tmpl.suspend().duration();
    if (duration != null && !duration.isEmpty()) {
      Duration d = Times.parse(duration, "suspend.duration");
      Instant resumeAt = node.startedAt.plus(d);
      requeue = resumeAt;
      if (!op.now.isBefore(resumeAt)) {
        node.outputs = SuspendOutputs.withDefaults(node.outputs);
        nodes.setPhase(node, NodePhase.SUCCEEDED, null);
        return Exec.ok(node);
      }
    }
    if (op.workflowDeadline != null && (requeue == null || op.workflowDeadline.isBefore(requeue))) {
      requeue = op.workflowDeadline;
    }
    op.requeueAt(requeue);
    nodes.setPhase(node, NodePhase.RUNNING, null);
    return Exec.ok(node);
  }

  // ---- parallelism -------------------------------------------------------------------------

  private Exec checkParallelism(Template tmpl, Node node, String boundaryId) {
    // a node that exists already holds its slot (it may need its pod re-created)
    if (node == null
        && op.execSpec.parallelism() != null
        && nodes.activePods() >= op.execSpec.parallelism()) {
      return Exec.of(node, Exec.Kind.PARALLELISM, "Max parallelism reached");
    }
    TemplateType type = tmpl.type().orElse(null);
    boolean group = type == TemplateType.DAG || type == TemplateType.STEPS;
    if (node != null && group) {
      if (Boolean.TRUE.equals(tmpl.failFast()) && nodes.unsuccessfulChildren(node.id) > 0) {
        if (nodes.activePods(node.id) == 0) {
          failFastGroup(node, type);
        }
        return Exec.of(node, Exec.Kind.PARALLELISM, "failFast");
      }
      // A group at its parallelism limit still runs: its children that exist must move on (a
      // pending child may need its pod re-created); new children are held back one by one below,
      // by the boundary check each of them makes.
    }
    if (boundaryId != null && (node == null || !node.isActive())) {
      Node boundary = nodes.get(boundaryId);
      Template boundaryTemplate = boundary == null ? null : templateOf(boundary);
      if (boundaryTemplate == null) {
        return null;
      }
      TemplateType bt = boundaryTemplate.type().orElse(null);
      if (Boolean.TRUE.equals(boundaryTemplate.failFast())
          && nodes.unsuccessfulChildren(boundaryId) > 0) {
        if (nodes.activePods(boundaryId) == 0) {
          failFastGroup(boundary, bt);
        }
        return Exec.of(node, Exec.Kind.PARALLELISM, "failFast");
      }
      if (boundaryTemplate.parallelism() != null
          && nodes.activeChildren(boundaryId) >= boundaryTemplate.parallelism()) {
        return Exec.of(node, Exec.Kind.PARALLELISM, "Max parallelism reached");
      }
    }
    return null;
  }

  private void failFastGroup(Node group, TemplateType type) {
    String msg = "template has failed or errored children and failFast enabled";
    if (type == TemplateType.STEPS) {
      Node leaf = lastStepGroup(group);
      if (leaf != null && !leaf.phase.isFulfilled()) {
        nodes.setPhase(leaf, NodePhase.FAILED, msg);
      }
    }
    if (!group.phase.isFulfilled()) {
      nodes.setPhase(group, NodePhase.FAILED, msg);
    }
  }

  private Node lastStepGroup(Node steps) {
    Node found = null;
    for (int i = 0; ; i++) {
      Node sg = nodes.byName(steps.name + "[" + i + "]");
      if (sg == null) {
        return found;
      }
      found = sg;
    }
  }

  // ---- arguments and substitution ----------------------------------------------------------

  RetryStrategy retryStrategy(Template tmpl) {
    if (tmpl.retryStrategy() != null) {
      return tmpl.retryStrategy();
    }
    return op.execSpec.retryStrategy();
  }

  /** Argo's ProcessArgs: bind inputs from arguments or defaults, then substitute. */
  Template processArgs(Template tmpl, Arguments args, Map<String, String> local) {
    Inputs inputs = tmpl.inputs();
    if (inputs != null) {
      List<Parameter> params = new ArrayList<>();
      if (inputs.parameters() != null) {
        for (Parameter in : inputs.parameters()) {
          String value = in.value();
          var valueFrom = in.valueFrom();
          if (value == null && in.defaultValue() != null) {
            value = in.defaultValue();
          }
          Parameter arg = argument(args, in.name());
          if (arg != null) {
            if (arg.value() != null) {
              value = arg.value();
              valueFrom = null;
            } else {
              valueFrom = arg.valueFrom();
              value = null;
            }
          }
          if (valueFrom != null && valueFrom.configMapKeyRef() != null) {
            if (valueFrom.defaultValue() != null) {
              value = valueFrom.defaultValue();
            } else {
              throw new EngineException(
                  "unable to retrieve inputs.parameters."
                      + in.name()
                      + " from ConfigMap "
                      + valueFrom.configMapKeyRef().getName()
                      + ": ConfigMaps are not available to this runtime");
            }
          } else if (value == null && valueFrom == null) {
            throw new EngineException("inputs.parameters." + in.name() + " was not supplied");
          }
          params.add(
              new Parameter(
                  in.name(),
                  value,
                  in.defaultValue(),
                  value != null ? null : valueFrom,
                  in.enumValues(),
                  in.description(),
                  in.globalName()));
        }
      }
      List<Artifact> arts = new ArrayList<>();
      if (inputs.artifacts() != null) {
        for (Artifact in : inputs.artifacts()) {
          Artifact arg = artifactArgument(args, in.name());
          boolean optional = Boolean.TRUE.equals(in.optional());
          if (!optional && !Artifacts.hasLocation(in) && arg == null) {
            throw new EngineException("inputs.artifacts." + in.name() + " was not supplied");
          }
          arts.add(arg != null ? Artifacts.asInput(arg, in) : in);
        }
      }
      tmpl =
          tmpl.toBuilder()
              .inputs(
                  new Inputs(
                      params.isEmpty() ? inputs.parameters() : params,
                      arts.isEmpty() ? inputs.artifacts() : arts))
              .build();
    }
    return substituteParams(tmpl, op.globalParams, local);
  }

  private static Parameter argument(Arguments args, String name) {
    if (args == null || args.parameters() == null) {
      return null;
    }
    for (Parameter p : args.parameters()) {
      if (name.equals(p.name())) {
        return p;
      }
    }
    return null;
  }

  private static Artifact artifactArgument(Arguments args, String name) {
    if (args == null || args.artifacts() == null) {
      return null;
    }
    for (Artifact a : args.artifacts()) {
      if (name.equals(a.name())) {
        return a;
      }
    }
    return null;
  }

  /** Argo's SubstituteParams: globals and locals first, then the template's own inputs. */
  Template substituteParams(Template tmpl, Map<String, String> globals, Map<String, String> local) {
    Map<String, String> first = new HashMap<>(globals);
    first.putAll(local);
    JsonNode tree = Json.mapStrings(Json.tree(tmpl), s -> op.expr.replace(s, first, true));
    Template global = Json.convert(tree, Template.class);
    Map<String, String> second = new HashMap<>();
    if (global.inputs() != null && global.inputs().parameters() != null) {
      for (Parameter p : global.inputs().parameters()) {
        if (p.value() == null && p.valueFrom() == null) {
          throw new EngineException("inputs.parameters." + p.name() + " had no value");
        }
        if (p.value() != null) {
          second.put("inputs.parameters." + p.name(), p.value());
        }
      }
      second.put("inputs.parameters", Json.write(global.inputs().parameters()));
    } else {
      second.put("inputs.parameters", "[]");
    }
    if (global.inputs() != null && global.inputs().artifacts() != null) {
      for (Artifact a : global.inputs().artifacts()) {
        if (a.path() != null && !a.path().isEmpty()) {
          second.put("inputs.artifacts." + a.name() + ".path", a.path());
        }
      }
    }
    Outputs out = global.outputs();
    if (out != null) {
      if (out.artifacts() != null) {
        for (Artifact a : out.artifacts()) {
          if (a.path() != null && !a.path().isEmpty()) {
            second.put("outputs.artifacts." + a.name() + ".path", a.path());
          }
        }
      }
      if (out.parameters() != null) {
        for (Parameter p : out.parameters()) {
          if (p.valueFrom() != null
              && p.valueFrom().path() != null
              && !p.valueFrom().path().isEmpty()) {
            second.put("outputs.parameters." + p.name() + ".path", p.valueFrom().path());
          }
        }
      }
    }
    JsonNode again = Json.mapStrings(tree, s -> op.expr.replace(s, second, true));
    return Json.convert(again, Template.class);
  }

  static long durationSeconds(Node n) {
    if (n.startedAt == null) {
      return 0;
    }
    Instant end = n.finishedAt != null ? n.finishedAt : n.startedAt;
    return Math.max(0, Duration.between(n.startedAt, end).toSeconds());
  }
}
