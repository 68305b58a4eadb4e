package io.argo4j.engine;

import static io.argo4j.model.WorkflowPhase.ERROR;
import static io.argo4j.model.WorkflowPhase.FAILED;
import static io.argo4j.model.WorkflowPhase.PENDING;
import static io.argo4j.model.WorkflowPhase.RUNNING;
import static io.argo4j.model.WorkflowPhase.SUCCEEDED;
import static io.argo4j.model.WorkflowPhase.UNKNOWN;

import io.argo4j.model.WorkflowPhase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every phase change a workflow may make. A finished workflow (Succeeded, Failed, Error) never
 * changes phase again.
 */
public final class WorkflowPhaseTable {

  /** A change of workflow phase and why it happens. */
  public record Transition(WorkflowPhase from, WorkflowPhase to, String why) {}

  private static final List<Transition> TRANSITIONS =
      List.of(
          new Transition(UNKNOWN, RUNNING, "accepted: the entrypoint starts"),
          new Transition(UNKNOWN, FAILED, "invalid spec or arguments"),
          new Transition(UNKNOWN, ERROR, "could not be set up (template reference, metadata)"),
          new Transition(UNKNOWN, PENDING, "waiting for a workflow-level mutex or semaphore"),
          new Transition(PENDING, RUNNING, "got its workflow-level locks: the entrypoint starts"),
          new Transition(
              PENDING, FAILED, "stopped while waiting for a lock, or the lock has no limit"),
          new Transition(RUNNING, SUCCEEDED, "the entrypoint and the exit handler succeeded"),
          new Transition(RUNNING, FAILED, "a node failed, or the workflow was stopped"),
          new Transition(RUNNING, ERROR, "a node errored, or the operator could not continue"));

  private static final Set<Transition> EXERCISED = ConcurrentHashMap.newKeySet();

  private WorkflowPhaseTable() {}

  public static List<Transition> transitions() {
    return TRANSITIONS;
  }

  /** Checks a change; throws IllegalStateException if the table does not allow it. */
  public static void check(String workflowName, WorkflowPhase from, WorkflowPhase to) {
    WorkflowPhase f = from == null ? UNKNOWN : from;
    if (f == to) {
      return;
    }
    for (Transition t : TRANSITIONS) {
      if (t.from() == f && t.to() == to) {
        EXERCISED.add(t);
        return;
      }
    }
    throw new IllegalStateException(
        "illegal workflow phase change "
            + f
            + " -> "
            + to
            + " for workflow '"
            + workflowName
            + "'");
  }

  public static Set<Transition> exercised() {
    return Collections.unmodifiableSet(EXERCISED);
  }

  public static void resetCoverage() {
    EXERCISED.clear();
  }

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
