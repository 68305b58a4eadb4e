package io.argo4j.contract;

import io.argo4j.model.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One example's two runs, compared; {@code error} says why they could not be run, if so. */
record ContractResult(
    ContractExample example,
    String error,
    String clusterState,
    Workflow local,
    Workflow cluster,
    boolean clusterCompleted,
    Duration localTook,
    Duration clusterTook) {

  /** An example whose runs could not even be made. */
  static ContractResult failed(ContractExample example, String error) {
    return new ContractResult(example, error, "", null, null, false, Duration.ZERO, Duration.ZERO);
  }

  List<String> differences() {
    if (error != null || local == null || cluster == null) {
      return List.of("no comparison: " + (error != null ? error : "a run returned nothing"));
    }
    return NormalizedView.of(local).differences(NormalizedView.of(cluster));
  }

  boolean identical() {
    return differences().isEmpty();
  }

  /** Identical, completed on both sides, and in the expected phase. */
  boolean passed() {
    return identical() && problems().isEmpty();
  }

  private List<String> problems() {
    List<String> out = new ArrayList<>();
    if (error != null) {
      return out;
    }
    if (!example.expected().equals(phase(local))) {
      out.add("local run ended " + phase(local) + ", expected " + example.expected());
    }
    if (!example.expected().equals(phase(cluster))) {
      out.add("cluster run ended " + phase(cluster) + ", expected " + example.expected());
    }
    if (!clusterCompleted) {
      out.add("the cluster run was not marked completed");
    }
    return out;
  }

  static String phase(Workflow wf) {
    return wf == null || wf.status() == null || wf.status().phase() == null
        ? "(no phase)"
        : wf.status().phase().value();
  }

  String summaryLine() {
    return String.format(
        "contract: %-70s %-9s %-9s local %5.1f s, cluster %5.1f s: %s",
        example.file(),
        phase(local),
        phase(cluster),
        localTook.toMillis() / 1000.0,
        clusterTook.toMillis() / 1000.0,
        passed()
            ? "identical"
            : identical() ? "PHASE" : "DIFFERENT (" + differences().size() + ")");
  }

  String report() {
    StringBuilder b = new StringBuilder("\n" + example.file() + ":\n");
    problems().forEach(p -> b.append("  ").append(p).append('\n'));
    differences().forEach(d -> b.append("  ").append(d).append('\n'));
    if (!clusterState.isEmpty()) {
      b.append("  on the API server now:\n").append(clusterState);
    }
    return b.toString();
  }
}
