package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.engine.ContainerObservation;
import io.argo4j.engine.PodObservation;
import io.argo4j.engine.PodPhase;
import io.argo4j.engine.ReportedOutputs;
import io.argo4j.model.WorkflowTaskResult;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the watches show (pods and the executor's WorkflowTaskResults) into the engine's
 * observations, keyed by node ID. A pod is matched to its node by the {@code node-id} annotation, a
 * task result by its name, which is the node ID.
 */
public final class PodObserver {

  private PodObserver() {}

  public static Map<String, PodObservation> observe(
      List<Pod> pods, List<WorkflowTaskResult> results) {
    Map<String, WorkflowTaskResult> resultByNode = new HashMap<>();
    for (WorkflowTaskResult r : results) {
      resultByNode.put(r.metadata().getName(), r);
    }
    Map<String, PodObservation> out = new HashMap<>();
    for (Pod pod : pods) {
      String nodeId = nodeId(pod);
      if (nodeId == null) {
        continue;
      }
      out.put(nodeId, observe(pod, resultByNode.get(nodeId)));
    }
    return out;
  }

  public static String nodeId(Pod pod) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    return a == null ? null : a.get(ArgoNames.ANNOTATION_NODE_ID);
  }

  static PodObservation observe(Pod pod, WorkflowTaskResult result) {
    var status = pod.getStatus();
    List<ContainerObservation> containers = new ArrayList<>();
    Instant finishedAt = null;
    if (status != null) {
      List<ContainerStatus> all = new ArrayList<>();
      if (status.getInitContainerStatuses() != null) {
        all.addAll(status.getInitContainerStatuses());
      }
      if (status.getContainerStatuses() != null) {
        all.addAll(status.getContainerStatuses());
      }
      for (ContainerStatus cs : all) {
        ContainerObservation c = container(cs);
        containers.add(c);
        if (c.finishedAt() != null && (finishedAt == null || c.finishedAt().isAfter(finishedAt))) {
          finishedAt = c.finishedAt();
        }
      }
    }
    PodPhase phase = phase(status == null ? null : status.getPhase());
    if (phase != PodPhase.SUCCEEDED && phase != PodPhase.FAILED) {
      finishedAt = null;
    }
    return new PodObservation(
        pod.getMetadata().getName(),
        phase,
        status == null ? null : status.getReason(),
        status == null ? null : status.getMessage(),
        status == null ? null : time(status.getStartTime()),
        finishedAt,
        pod.getMetadata().getDeletionTimestamp() != null,
        containers,
        reported(result),
        pod.getSpec() == null ? null : pod.getSpec().getNodeName(),
        status == null ? null : status.getPodIP());
  }

  static ReportedOutputs reported(WorkflowTaskResult result) {
    if (result == null) {
      return null;
    }
    Map<String, String> labels = result.metadata().getLabels();
    boolean complete =
        labels != null && "true".equals(labels.get(ArgoNames.LABEL_REPORT_OUTPUTS_COMPLETED));
    return new ReportedOutputs(complete, result.outputs(), result.progress());
  }

  static PodPhase phase(String phase) {
    if (phase == null) {
      return PodPhase.PENDING;
    }
    return switch (phase) {
      case "Running" -> PodPhase.RUNNING;
      case "Succeeded" -> PodPhase.SUCCEEDED;
      case "Failed" -> PodPhase.FAILED;
      case "Unknown" -> PodPhase.UNKNOWN;
      default -> PodPhase.PENDING;
    };
  }

  private static ContainerObservation container(ContainerStatus cs) {
    ContainerState s = cs.getState();
    boolean ready = Boolean.TRUE.equals(cs.getReady());
    if (s != null && s.getTerminated() != null) {
      var t = s.getTerminated();
      return new ContainerObservation(
          cs.getName(),
          ContainerObservation.State.TERMINATED,
          t.getExitCode(),
          t.getReason(),
          t.getMessage(),
          ready,
          time(t.getFinishedAt()));
    }
    if (s != null && s.getRunning() != null) {
      return new ContainerObservation(
          cs.getName(), ContainerObservation.State.RUNNING, null, null, null, ready, null);
    }
    var w = s == null ? null : s.getWaiting();
    return new ContainerObservation(
        cs.getName(),
        ContainerObservation.State.WAITING,
        null,
        w == null ? null : w.getReason(),
        w == null ? null : w.getMessage(),
        ready,
        null);
  }

  static Instant time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(rfc3339);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
