package io.argo4j.engine;

import static io.argo4j.model.NodePhase.ERROR;
import static io.argo4j.model.NodePhase.FAILED;
import static io.argo4j.model.NodePhase.OMITTED;
import static io.argo4j.model.NodePhase.PENDING;
import static io.argo4j.model.NodePhase.RUNNING;
import static io.argo4j.model.NodePhase.SKIPPED;
import static io.argo4j.model.NodePhase.SUCCEEDED;

import io.argo4j.model.NodePhase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every phase change a node may make. Phases only move forward: once a node is Succeeded, Failed,
 * Error, Skipped or Omitted it never changes again. The engine checks each change against this
 * table and fails loudly on any other, so a bug shows up as an exception in a test instead of a
 * workflow stuck in a state nobody designed.
 */
public final class NodePhaseTable {

  /** A change from one phase to another; {@code from} is null when the node is created. */
  public record Transition(NodePhase from, NodePhase to, String why) {}

  private static final List<Transition> TRANSITIONS =
      List.of(
          new Transition(null, PENDING, "pod node created; waiting for its pod, a lock or a retry"),
          new Transition(null, RUNNING, "steps, DAG, retry or task group node created"),
          new Transition(null, SKIPPED, "'when' evaluated false, or an empty loop"),
          new Transition(null, OMITTED, "'depends' not satisfied"),
          new Transition(null, ERROR, "could not be started (bad template, arguments, expression)"),
          new Transition(PENDING, RUNNING, "its pod started"),
          new Transition(PENDING, SUCCEEDED, "a suspend node whose duration has already passed"),
          new Transition(PENDING, FAILED, "its pod failed, or shutdown/deadline/timeout"),
          new Transition(PENDING, ERROR, "its pod could not run (image, lost pod)"),
          new Transition(RUNNING, SUCCEEDED, "finished successfully"),
          new Transition(RUNNING, FAILED, "finished unsuccessfully"),
          new Transition(RUNNING, ERROR, "lost its pod, or errored"));

  private static final Map<NodePhase, Set<NodePhase>> ALLOWED = new EnumMap<>(NodePhase.class);
  private static final Set<NodePhase> ALLOWED_AT_CREATION = EnumSet.noneOf(NodePhase.class);
  private static final Set<Transition> EXERCISED = ConcurrentHashMap.newKeySet();

  static {
    for (Transition t : TRANSITIONS) {
      if (t.from() == null) {
        ALLOWED_AT_CREATION.add(t.to());
      } else {
        ALLOWED.computeIfAbsent(t.from(), k -> EnumSet.noneOf(NodePhase.class)).add(t.to());
      }
    }
  }

  private NodePhaseTable() {}

  /** All allowed transitions, in table order. */
  public static List<Transition> transitions() {
    return TRANSITIONS;
  }

  /**
   * Checks a change; throws IllegalStateException naming the node if the table does not allow it. A
   * change to the same phase is not a transition and always passes.
   */
  public static void check(String nodeName, NodePhase from, NodePhase to) {
    if (from == to) {
      return;
    }
    boolean ok =
        from == null
            ? ALLOWED_AT_CREATION.contains(to)
            : ALLOWED.getOrDefault(from, Set.of()).contains(to);
    if (!ok) {
      throw new IllegalStateException(
          "illegal node phase change " + from + " -> " + to + " for node '" + nodeName + "'");
    }
    for (Transition t : TRANSITIONS) {
      if (t.from() == from && t.to() == to) {
        EXERCISED.add(t);
        return;
      }
    }
  }

  /** Transitions seen since the JVM started or {@link #resetCoverage()} (for the coverage test). */
  public static Set<Transition> exercised() {
    return Collections.unmodifiableSet(EXERCISED);
  }

  public static void resetCoverage() {
    EXERCISED.clear();
  }

  /** Transitions never seen since the last reset. */
  public static List<Transition> unexercised() {
    List<Transition> missing = new ArrayList<>();
    for (Transition t : TRANSITIONS) {
      if (!EXERCISED.contains(t)) {
        missing.add(t);
      }
    }
    return missing;
  }
}
