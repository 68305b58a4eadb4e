package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.model.PodGC;
import io.argo4j.model.WorkflowPhase;
import java.util.Map;

/**
 * What happens to the pod of a fulfilled node (Argo's podGC, decided per pod). Pure.
 *
 * <ul>
 *   <li>{@link #RELEASE}: remove the status finalizer and label the pod completed; it leaves the
 *       controller's watch and stays on the cluster.
 *   <li>{@link #RELEASE_FINALIZER}: only remove the finalizer; the pod stays watched because a
 *       later decision (at workflow completion) may delete it.
 *   <li>{@link #DELETE}: remove the finalizer and delete the pod, after podGC's delay.
 * </ul>
 */
public enum PodCleanup {
  RELEASE,
  RELEASE_FINALIZER,
  DELETE;

  public static final String ON_POD_COMPLETION = "OnPodCompletion";
  public static final String ON_POD_SUCCESS = "OnPodSuccess";
  public static final String ON_WORKFLOW_COMPLETION = "OnWorkflowCompletion";
  public static final String ON_WORKFLOW_SUCCESS = "OnWorkflowSuccess";

  /**
   * @param podGc the workflow's podGC, or null
   * @param podLabels the pod's labels, for podGC's labelSelector
   * @param podSucceeded whether the pod's phase is Succeeded
   * @param workflowPhase the workflow's phase, completed or not
   */
  public static PodCleanup decide(
      PodGC podGc,
      Map<String, String> podLabels,
      boolean podSucceeded,
      WorkflowPhase workflowPhase) {
    boolean wfCompleted = workflowPhase != null && workflowPhase.isCompleted();
    PodCleanup keep = wfCompleted ? RELEASE : RELEASE_FINALIZER;
    if (podGc == null || podGc.strategy() == null || podGc.strategy().isEmpty()) {
      return RELEASE;
    }
    if (!LabelSelectors.matches(podGc.labelSelector(), podLabels)) {
      return RELEASE;
    }
    return switch (podGc.strategy()) {
      case ON_POD_COMPLETION -> DELETE;
      case ON_POD_SUCCESS -> podSucceeded ? DELETE : RELEASE;
      case ON_WORKFLOW_COMPLETION -> wfCompleted ? DELETE : keep;
      case ON_WORKFLOW_SUCCESS ->
          workflowPhase == WorkflowPhase.SUCCEEDED ? DELETE : wfCompleted ? RELEASE : keep;
      default ->
          throw new IllegalArgumentException(
              "unknown podGC strategy "
                  + podGc.strategy()
                  + " (expected OnPodCompletion, OnPodSuccess, OnWorkflowCompletion or"
                  + " OnWorkflowSuccess)");
    };
  }
}
