package io.argo4j.runtime.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.WorkflowSpecResource;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.io.ModelJson;
import io.argo4j.store.AlreadyExistsException;
import io.argo4j.store.ConflictException;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowDocument;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowKind;
import io.argo4j.store.WorkflowQuery;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates kept in the local store, as {@code argo
 * template create} keeps them in a cluster: {@code run} and {@code submit} resolve {@code
 * templateRef} and {@code workflowTemplateRef} against them, and {@code submit --from} runs them.
 */
public final class LocalTemplates {

  private static final ObjectMapper JSON = ModelJson.newObjectMapper();

  private final LocalRuntime runtime;

  LocalTemplates(LocalRuntime runtime) {
    this.runtime = runtime;
  }

  /** The store kind of a template manifest; empty for any other manifest. */
  public static Optional<WorkflowKind> kindOf(Manifest manifest) {
    return switch (manifest) {
      case WorkflowTemplate t -> Optional.of(WorkflowKind.WORKFLOW_TEMPLATE);
      case ClusterWorkflowTemplate t -> Optional.of(WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE);
      default -> Optional.empty();
    };
  }

  /**
   * Stores a template (a WorkflowTemplate in its namespace, else in {@code namespace}; a
   * ClusterWorkflowTemplate in none) and returns it as stored, with uid and creation time.
   *
   * @param replace whether an existing template of the name is replaced ({@code update}) rather
   *     than refused ({@code create})
   * @throws IllegalArgumentException when it is a Workflow or has no {@code metadata.name}
   * @throws AlreadyExistsException on {@code create} of a name that exists
   * @throws NotFoundException on {@code update} of a name that does not exist
   */
  public WorkflowSpecResource save(WorkflowSpecResource template, String namespace, boolean replace)
      throws AlreadyExistsException, NotFoundException {
    WorkflowKind kind =
        kindOf(template)
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "a " + template.kind() + " is not a template; give a WorkflowTemplate"));
    ObjectMeta meta = template.metadata() == null ? new ObjectMeta() : template.metadata();
    if (meta.getName() == null || meta.getName().isEmpty()) {
      throw new IllegalArgumentException(
          "metadata.name is required: a template is referred to by its name");
    }
    WorkflowKey key = key(kind, nsOf(meta, namespace), meta.getName());
    Optional<StoredWorkflow> existing = runtime.repository().get(key);
    if (!replace && existing.isPresent()) {
      throw new AlreadyExistsException(
          key,
          kind.argoName() + " " + meta.getName() + " exists already; use update to replace it");
    }
    if (replace && existing.isEmpty()) {
      throw new NotFoundException(
          kind.argoName() + " " + meta.getName() + " not found; use create to add it");
    }
    Instant now = runtime.config().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    ObjectMetaBuilder stored =
        new ObjectMetaBuilder(meta)
            .withNamespace(key.namespace().isEmpty() ? null : key.namespace())
            .withUid(existing.map(StoredWorkflow::uid).orElse(UUID.randomUUID().toString()))
            .withCreationTimestamp(
                existing.map(s -> s.creationTimestamp().toString()).orElse(now.toString()));
    WorkflowSpecResource out =
        template instanceof ClusterWorkflowTemplate c
            ? new ClusterWorkflowTemplate(c.apiVersion(), c.kind(), stored.build(), c.spec())
            : new WorkflowTemplate(
                template.apiVersion(), template.kind(), stored.build(), template.spec());
    WorkflowDocument document =
        new WorkflowDocument(
            key,
            out.metadata().getUid(),
            Instant.parse(out.metadata().getCreationTimestamp()),
            null,
            out.metadata().getLabels() == null ? Map.of() : out.metadata().getLabels(),
            null,
            null,
            toJson(out));
    try {
      if (existing.isPresent()) {
        runtime.repository().update(document, existing.get().resourceVersion());
      } else {
        runtime.repository().create(document);
      }
    } catch (ConflictException e) {
      throw new AlreadyExistsException(
          key, kind.argoName() + " " + meta.getName() + " changed meanwhile; try again");
    }
    return out;
  }

  /** The templates of a kind: of {@code namespace}, or of every namespace when it is null. */
  public List<WorkflowSpecResource> list(WorkflowKind kind, String namespace) {
    WorkflowQuery query =
        kind.clusterScoped() || namespace == null
            ? WorkflowQuery.inAllNamespaces(kind)
            : WorkflowQuery.of(kind, namespace);
    List<WorkflowSpecResource> out = new ArrayList<>();
    for (StoredWorkflow s : runtime.listAll(query)) {
      out.add(read(kind, s));
    }
    return out;
  }

  public Optional<WorkflowSpecResource> get(WorkflowKind kind, String namespace, String name) {
    return runtime.repository().get(key(kind, namespace, name)).map(s -> read(kind, s));
  }

  public void delete(WorkflowKind kind, String namespace, String name) throws NotFoundException {
    runtime.repository().delete(key(kind, namespace, name));
  }

  /**
   * What a workflow of {@code namespace} may refer to: the WorkflowTemplates of its namespace and
   * every ClusterWorkflowTemplate.
   */
  public TemplateSet visibleFrom(String namespace) {
    List<WorkflowTemplate> wft = new ArrayList<>();
    for (WorkflowSpecResource t : list(WorkflowKind.WORKFLOW_TEMPLATE, namespace)) {
      wft.add((WorkflowTemplate) t);
    }
    List<ClusterWorkflowTemplate> cwft = new ArrayList<>();
    for (WorkflowSpecResource t : list(WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, null)) {
      cwft.add((ClusterWorkflowTemplate) t);
    }
    return new TemplateSet(wft, cwft);
  }

  private static String nsOf(ObjectMeta meta, String namespace) {
    return meta.getNamespace() != null && !meta.getNamespace().isEmpty()
        ? meta.getNamespace()
        : namespace;
  }

  private static WorkflowKey key(WorkflowKind kind, String namespace, String name) {
    return kind.clusterScoped()
        ? WorkflowKey.clusterScoped(kind, name)
        : WorkflowKey.of(kind, namespace == null ? "default" : namespace, name);
  }

  private static WorkflowSpecResource read(WorkflowKind kind, StoredWorkflow stored) {
    try {
      return kind == WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE
          ? JSON.readValue(stored.json(), ClusterWorkflowTemplate.class)
          : JSON.readValue(stored.json(), WorkflowTemplate.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the stored " + stored.key() + " cannot be read back: " + e.getOriginalMessage(), e);
    }
  }

  private static String toJson(WorkflowSpecResource template) {
    try {
      return JSON.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
