package io.argo4j.engine;

import io.argo4j.model.Outputs;

/**
 * What the executor has reported for a node (Argo's WorkflowTaskResult).
 *
 * @param complete whether the executor has finished reporting ({@code report-outputs-completed})
 * @param outputs what it reported so far; may be partial while {@code complete} is false
 * @param progress the node's self-reported progress ({@code N/M}), if any
 */
public record ReportedOutputs(boolean complete, Outputs outputs, String progress) {

  public static ReportedOutputs complete(Outputs outputs) {
    return new ReportedOutputs(true, outputs, null);
  }
}
