package io.argo4j.engine.internal;

import io.argo4j.model.NodePhase;
import io.argo4j.model.RetryStrategy;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo's processNodeRetries: decides, when the last attempt of a retry node has finished, whether
 * the retry node succeeds, fails, waits for its back-off, or lets a new attempt start.
 */
final class RetryDecider {
  private final Operation op;
  private final NodeTable nodes;

  /** Whether the caller may go on to (re)start an attempt now. */
  record Decision(boolean continueExecution) {}

  RetryDecider(Operation op) {
    this.op = op;
    this.nodes = op.nodes;
  }

  /** The attempts of a retry node (children flagged as retried, not its hooks), in order. */
  static List<Node> attempts(NodeTable nodes, Node retryNode) {
    List<Node> out = new ArrayList<>();
    for (String id : retryNode.children) {
      Node c = nodes.get(id);
      if (c != null && c.isRetried()) {
        out.add(c);
      }
    }
    return out;
  }

  static String policy(RetryStrategy rs) {
    if (rs.retryPolicy() != null && !rs.retryPolicy().isEmpty()) {
      return rs.retryPolicy();
    }
    return rs.expression() != null && !rs.expression().isEmpty() ? "Always" : "OnFailure";
  }

  /** Whether a template-level error (rather than a failed pod) may be retried. */
  static boolean retriesErrors(RetryStrategy rs) {
    String p = policy(rs);
    return p.equals("Always") || p.equals("OnError") || p.equals("OnTransientError");
  }

  Decision process(Node node, RetryStrategy rs, Opts opts) {
    if (node.isFulfilled()) {
      return new Decision(true);
    }
    List<Node> attempts = attempts(nodes, node);
    if (attempts.isEmpty()) {
      return new Decision(true);
    }
    Node last = attempts.get(attempts.size() - 1);
    if (last.isDaemoned()) {
      node.daemoned = true;
      node.touch();
    }
    if (!last.isFulfilled()) {
      return new Decision(true);
    }
    if (last.phase == NodePhase.SUCCEEDED
        || last.phase == NodePhase.SKIPPED
        || last.phase == NodePhase.OMITTED) {
      node.outputs = last.outputs;
      nodes.setPhase(node, NodePhase.SUCCEEDED, null);
      return new Decision(true);
    }
    Shutdown shutdown = Shutdown.of(op.execSpec);
    if (shutdown.enabled() || op.deadlineExceeded()) {
      String msg =
          shutdown.enabled()
              ? "Stopped with strategy '" + shutdown.value() + "'"
              : "retry exceeded workflow deadline " + Times.rfc3339(op.workflowDeadline);
      nodes.setPhase(node, last.phase, msg);
      return new Decision(true);
    }
    // The policy first: an attempt the policy does not retry ends the node now, not after a
    // backoff wait.
    String policy = policy(rs);
    boolean retryOnFailed;
    boolean retryOnError;
    switch (policy) {
      case "Always" -> {
        retryOnFailed = true;
        retryOnError = true;
      }
      case "OnError" -> {
        retryOnFailed = false;
        retryOnError = true;
      }
      case "OnTransientError" -> {
        boolean transientErr = TransientErrors.isTransient(last.message, op.config);
        retryOnFailed = transientErr;
        retryOnError = transientErr;
      }
      case "OnFailure" -> {
        retryOnFailed = true;
        retryOnError = false;
      }
      default ->
          throw new EngineException(
              policy
                  + " is not a valid RetryPolicy (valid: Always, OnFailure, OnError, OnTransientError)");
    }
    if ((last.phase == NodePhase.FAILED && !retryOnFailed)
        || (last.phase == NodePhase.ERROR && !retryOnError)) {
      nodes.setPhase(node, last.phase, last.message);
      return new Decision(true);
    }
    if (rs.backoff() != null) {
      Instant maxDeadline = null;
      if (rs.backoff().maxDuration() != null && !rs.backoff().maxDuration().isEmpty()) {
        Duration max = Times.parse(rs.backoff().maxDuration(), "retryStrategy.backoff.maxDuration");
        maxDeadline = attempts.get(0).startedAt.plus(max);
        if (op.now.isAfter(maxDeadline)) {
          nodes.setPhase(node, last.phase, "Max duration limit exceeded");
          return new Decision(true);
        }
      }
      if (rs.backoff().duration() == null || rs.backoff().duration().isEmpty()) {
        throw new EngineException("no base duration specified for retryStrategy");
      }
      Duration base = Times.parse(rs.backoff().duration(), "retryStrategy.backoff.duration");
      Duration wait = base;
      Integer factor = intValue(rs.backoff().factor(), "retryStrategy.backoff.factor");
      if (factor != null && factor > 0) {
        double mult = Math.pow(factor, attempts.size() - 1);
        wait = Duration.ofNanos((long) Math.min(Long.MAX_VALUE, base.toNanos() * mult));
      }
      if (rs.backoff().cap() != null && !rs.backoff().cap().isEmpty()) {
        Duration cap = Times.parse(rs.backoff().cap(), "retryStrategy.backoff.cap");
        if (wait.compareTo(cap) > 0) {
          wait = cap;
        }
      }
      Instant lastEnd = last.finishedAt != null ? last.finishedAt : op.now;
      Instant waitUntil = lastEnd.plus(wait);
      if (maxDeadline != null && waitUntil.isAfter(maxDeadline)) {
        nodes.setPhase(node, last.phase, "Backoff would exceed max duration limit");
        return new Decision(true);
      }
      Integer limit = intValue(rs.limit(), "retryStrategy.limit");
      if (op.now.isBefore(waitUntil) && limit != null && attempts.size() <= limit) {
        op.requeueAt(waitUntil);
        node.message = "Backoff for " + Times.goDuration(wait);
        node.touch();
        return new Decision(false);
      }
      opts.executionDeadline = maxDeadline;
      if (node.message != null && node.message.startsWith("Backoff for")) {
        node.message = null;
        node.touch();
      }
    }
    Integer limit = intValue(rs.limit(), "retryStrategy.limit");
    if (limit != null && attempts.size() > limit) {
      nodes.setPhase(node, last.phase, "No more retries left");
      return new Decision(true);
    }
    if (rs.expression() != null && !rs.expression().isEmpty()) {
      Map<String, Object> scope = new HashMap<>();
      scope.put("retries", Integer.toString(attempts.size() - 1));
      scope.put(
          "lastRetry.exitCode",
          last.outputs != null && last.outputs.exitCode() != null ? last.outputs.exitCode() : "-1");
      scope.put("lastRetry.status", last.phase.value());
      scope.put("lastRetry.duration", Long.toString(TemplateExecutor.durationSeconds(last)));
      scope.put("lastRetry.message", last.message == null ? "" : last.message);
      if (!op.expr.evalBool(rs.expression(), scope)) {
        nodes.setPhase(node, last.phase, "retryStrategy.expression evaluated to false");
        return new Decision(true);
      }
    }
    return new Decision(true);
  }

  private static Integer intValue(IntOrString v, String field) {
    if (v == null) {
      return null;
    }
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new EngineException(field + " must be an integer, got '" + s + "'");
    }
  }
}
