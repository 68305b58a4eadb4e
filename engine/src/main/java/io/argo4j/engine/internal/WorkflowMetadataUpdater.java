package io.argo4j.engine.internal;

import io.argo4j.model.LabelValueFrom;
import io.argo4j.model.WorkflowMetadata;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code spec.workflowMetadata}: labels and annotations the workflow gets when it starts, including
 * labels computed by expressions ({@code labelsFrom}).
 */
final class WorkflowMetadataUpdater {
  private final Operation op;

  WorkflowMetadataUpdater(Operation op) {
    this.op = op;
  }

  void apply(Map<String, String> labels, Map<String, String> annotations) {
    WorkflowMetadata md = op.execSpec.workflowMetadata();
    if (md == null) {
      return;
    }
    if (md.labels() != null) {
      labels.putAll(md.labels());
    }
    if (md.annotations() != null) {
      annotations.putAll(md.annotations());
    }
    if (md.labelsFrom() != null) {
      for (Map.Entry<String, LabelValueFrom> e : new TreeMap<>(md.labelsFrom()).entrySet()) {
        String expression = e.getValue() == null ? null : e.getValue().expression();
        if (expression == null || expression.isEmpty()) {
          throw new EngineException(
              "spec.workflowMetadata.labelsFrom." + e.getKey() + ".expression is required");
        }
        Object v = op.expr.eval(expression, op.globalParams);
        labels.put(e.getKey(), LocalScopes.asString(v));
      }
    }
  }
}
