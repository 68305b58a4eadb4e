package io.argo4j.runtime.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ModelJson;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowDocument;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowPhase;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** Workflows to and from the store's documents: the JSON text plus the fields queries filter on. */
public final class WorkflowDocuments {

  private static final ObjectMapper JSON = ModelJson.newObjectMapper();

  private WorkflowDocuments() {}

  /** The store key of a submitted workflow (it has a name and a namespace). */
  public static WorkflowKey key(Workflow workflow) {
    return WorkflowKey.workflow(workflow.metadata().getNamespace(), workflow.metadata().getName());
  }

  /** The document to store for {@code workflow}. */
  public static WorkflowDocument document(Workflow workflow) {
    var meta = workflow.metadata();
    var status = workflow.status();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    String created = meta.getCreationTimestamp();
    return new WorkflowDocument(
        key(workflow),
        meta.getUid(),
        created == null || created.isEmpty() ? null : Instant.parse(created),
        status == null ? null : phase(status.phase()),
        labels,
        status == null ? null : status.startedAt(),
        status == null ? null : status.finishedAt(),
        toJson(workflow));
  }

  /** The workflow a stored document holds. */
  public static Workflow workflow(StoredWorkflow stored) {
    try {
      return JSON.readValue(stored.json(), Workflow.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the stored " + stored.key() + " cannot be read back: " + e.getOriginalMessage(), e);
    }
  }

  /** The workflow as JSON text. */
  public static String toJson(Workflow workflow) {
    try {
      return JSON.writeValueAsString(workflow);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WorkflowPhase phase(io.argo4j.model.WorkflowPhase phase) {
    if (phase == null || phase == io.argo4j.model.WorkflowPhase.UNKNOWN) {
      return null;
    }
    return WorkflowPhase.fromArgoName(phase.value()).orElse(null);
  }
}
