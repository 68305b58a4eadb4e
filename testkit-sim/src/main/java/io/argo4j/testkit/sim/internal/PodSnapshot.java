package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.PodObservation;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * An immutable copy of a pod, as a watch event or a list carries it: the Kubernetes object the
 * controller reads, and the same state as the engine's observation, for the invariant checker.
 */
public record PodSnapshot(
    String podName, String nodeId, String workflow, PodObservation observation, Pod pod, long rv) {

  boolean completedLabel() {
    var labels = pod.getMetadata().getLabels();
    return labels != null && "true".equals(labels.get("workflows.argoproj.io/completed"));
  }
}
