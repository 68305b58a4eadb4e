package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.executor.pod.PodLayout;

/**
 * Argo's label, annotation and finalizer names, which existing tools and users rely on. Those the
 * in-pod executor reads or writes come from {@link PodLayout}.
 */
public final class ArgoNames {
  public static final String GROUP = "argoproj.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final String LABEL_WORKFLOW = PodLayout.LABEL_WORKFLOW;
  public static final String LABEL_COMPLETED = "workflows.argoproj.io/completed";
  public static final String LABEL_PHASE = "workflows.argoproj.io/phase";
  public static final String LABEL_REPORT_OUTPUTS_COMPLETED =
      PodLayout.LABEL_REPORT_OUTPUTS_COMPLETED;
  public static final String LABEL_ON_EXIT = "workflows.argoproj.io/on-exit";
  public static final String LABEL_COMPONENT = "workflows.argoproj.io/component";

  public static final String ANNOTATION_NODE_ID = "workflows.argoproj.io/node-id";
  public static final String ANNOTATION_NODE_NAME = "workflows.argoproj.io/node-name";

  /**
   * Execution control, as Argo's executors read it through the downward API: {@code
   * {"deadline":"<RFC 3339>"}}; once the deadline has passed the executor terminates the step.
   */
  public static final String ANNOTATION_EXECUTION = PodLayout.ANNOTATION_EXECUTION;

  public static final String FINALIZER_POD_STATUS = "workflows.argoproj.io/status";

  private ArgoNames() {}
}
