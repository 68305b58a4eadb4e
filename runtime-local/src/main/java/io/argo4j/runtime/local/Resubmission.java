package io.argo4j.runtime.local;

import io.argo4j.engine.UserActions;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The manifest {@code argo resubmit} (without {@code --memoized}) makes of an earlier workflow: its
 * spec as it was last stored, cleared of what stopped it, under a generated name, keeping the
 * user's labels and annotations and naming the workflow it came from. Pure; {@link
 * io.argo4j.engine.Submission} then names it and applies {@code -p} as for any submit.
 */
public final class Resubmission {

  /** The label naming the workflow a resubmitted one was copied from, as Argo sets it. */
  public static final String RESUBMITTED_FROM_LABEL =
      "workflows.argoproj.io/resubmitted-from-workflow";

  /** Labels that describe the earlier run or its submitter, not the workflow: Argo drops them. */
  private static final Set<String> RUN_LABELS =
      Set.of(
          "workflows.argoproj.io/creator",
          "workflows.argoproj.io/creator-email",
          "workflows.argoproj.io/creator-preferred-username",
          "workflows.argoproj.io/phase",
          "workflows.argoproj.io/completed",
          "workflows.argoproj.io/workflow-archiving-status");

  private Resubmission() {}

  /**
   * The new manifest, without name or status.
   *
   * @param previous the earlier workflow, as stored
   * @param priority {@code --priority}, or null to keep the earlier one
   */
  public static Workflow of(Workflow previous, Integer priority) {
    ObjectMeta old = previous.metadata();
    String generateName =
        old.getGenerateName() != null && !old.getGenerateName().isEmpty()
            ? old.getGenerateName()
            : old.getName() + "-";
    Map<String, String> labels = new LinkedHashMap<>();
    if (old.getLabels() != null) {
      old.getLabels()
          .forEach((k, v) -> {
            if (!RUN_LABELS.contains(k)) {
              labels.put(k, v);
            }
          });
    }
    labels.put(RESUBMITTED_FROM_LABEL, old.getName());
    ObjectMeta meta = new ObjectMeta();
    meta.setGenerateName(generateName);
    meta.setNamespace(old.getNamespace());
    meta.setLabels(labels);
    if (old.getAnnotations() != null && !old.getAnnotations().isEmpty()) {
      meta.setAnnotations(new LinkedHashMap<>(old.getAnnotations()));
    }
    if (old.getOwnerReferences() != null && !old.getOwnerReferences().isEmpty()) {
      meta.setOwnerReferences(old.getOwnerReferences());
    }
    WorkflowSpec.Builder spec = UserActions.withoutShutdown(previous.spec()).toBuilder();
    if (priority != null) {
      spec.priority(priority);
    }
    return new Workflow(previous.apiVersion(), previous.kind(), meta, spec.build(), null);
  }
}
