package io.argo4j.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current state of the pod (or local process) that runs a pod-backed node. The absence of an
 * observation for a node means that no pod exists for it.
 *
 * @param podName the pod's name
 * @param phase the pod phase
 * @param reason the pod-level reason, e.g. {@code Evicted}
 * @param message the pod-level message
 * @param startedAt when the pod started
 * @param finishedAt when the pod's last container finished
 * @param deleting whether deletion was requested (Kubernetes' deletionTimestamp)
 * @param containers the containers' states
 * @param outputs what the executor reported, or null when it reported nothing yet
 * @param hostNodeName the machine the pod runs on
 * @param podIp the pod's IP, for daemons
 */
public record PodObservation(
    String podName,
    PodPhase phase,
    String reason,
    String message,
    Instant startedAt,
    Instant finishedAt,
    boolean deleting,
    List<ContainerObservation> containers,
    ReportedOutputs outputs,
    String hostNodeName,
    String podIp) {

  public PodObservation {
    containers = containers == null ? List.of() : List.copyOf(containers);
  }

  public Optional<ContainerObservation> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
