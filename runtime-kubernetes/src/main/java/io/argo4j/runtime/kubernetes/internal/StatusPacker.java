package io.argo4j.runtime.kubernetes.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.CompressedNodes;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.model.WorkflowStatus;
import io.argo4j.model.io.ModelJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a workflow within the size the API server stores (Argo's {@code MAX_WORKFLOW_SIZE}, 1 MiB
 * of JSON by default): a workflow that would be larger has its nodes written as {@code
 * status.compressedNodes}; one that is still too large cannot be stored and is failed instead.
 */
public final class StatusPacker {
  private static final ObjectMapper JSON = ModelJson.newObjectMapper();

  /** The workflow cannot be stored, even with its nodes compressed. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  private final long maxWorkflowSize;

  public StatusPacker(long maxWorkflowSize) {
    this.maxWorkflowSize = maxWorkflowSize;
  }

  /**
   * The workflow as it should be written: unchanged when it fits, with compressed nodes when only
   * that fits.
   *
   * @throws TooLarge when even the compressed form is larger than the limit
   */
  public Workflow pack(Workflow wf) {
    long size = size(wf);
    if (size <= maxWorkflowSize) {
      return wf;
    }
    Workflow compressed = CompressedNodes.dehydrate(wf);
    long compressedSize = size(compressed);
    if (compressedSize <= maxWorkflowSize) {
      return compressed;
    }
    throw new TooLarge(
        "workflow is too large to store: "
            + compressedSize
            + " bytes of JSON with its nodes compressed ("
            + size
            + " uncompressed, "
            + nodeCount(wf)
            + " nodes), more than the limit of "
            + maxWorkflowSize
            + " bytes (MAX_WORKFLOW_SIZE); Argo4j does not offload node status to a database yet");
  }

  /**
   * The workflow failed because it could not be stored: phase Error with {@code message}, every
   * node not yet fulfilled marked Error, labelled completed. Its nodes are kept (compressed if
   * needed) when they fit, and left out when they do not.
   */
  public Workflow failed(Workflow wf, String message, Instant now) {
    WorkflowStatus s = wf.status() == null ? WorkflowStatus.builder().build() : wf.status();
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    if (s.nodes() != null) {
      s.nodes()
          .forEach((id, n) ->
              nodes.put(
                  id,
                  n.phase() != null && n.phase().isFulfilled()
                      ? n
                      : n.toBuilder()
                          .phase(io.argo4j.model.NodePhase.ERROR)
                          .message(message)
                          .finishedAt(now)
                          .build()));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (wf.metadata().getLabels() != null) {
      labels.putAll(wf.metadata().getLabels());
    }
    labels.put(ArgoNames.LABEL_COMPLETED, "true");
    labels.put(ArgoNames.LABEL_PHASE, WorkflowPhase.ERROR.value());
    var meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(wf.metadata()).build();
    meta.setLabels(labels);
    WorkflowStatus.Builder status =
        s.toBuilder()
            .phase(WorkflowPhase.ERROR)
            .message(message)
            .startedAt(s.startedAt() == null ? now : s.startedAt())
            .finishedAt(now)
            .nodes(nodes)
            .compressedNodes(null);
    Workflow failed = wf.withMetadata(meta).withStatus(status.build());
    try {
      return pack(failed);
    } catch (TooLarge e) {
      return failed.withStatus(
          status
              .nodes(null)
              .message(message + " (node status left out: too large to store)")
              .build());
    }
  }

  /** Bytes of the workflow's JSON. */
  public static long size(Workflow wf) {
    try {
      return JSON.writeValueAsBytes(wf).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write workflow " + wf.metadata().getName(), e);
    }
  }

  private static int nodeCount(Workflow wf) {
    return wf.status() == null || wf.status().nodes() == null ? 0 : wf.status().nodes().size();
  }
}
