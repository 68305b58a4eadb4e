package io.argo4j.executor.pod.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.executor.pod.PodLayout;
import io.argo4j.executor.pod.internal.ApiCalls.ApiCallFailed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's WorkflowTaskResult, written as Argo's executor does: created at start, named after the
 * node ID, labelled with the workflow and {@code report-outputs-completed=false}, owned by the pod
 * (or, without the pod's UID, by the workflow); then the outputs and the label {@code true} in one
 * JSON merge patch (the executor's role may create, get and patch task results, nothing else).
 */
public final class TaskResults {

  static final ResourceDefinitionContext KIND =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("WorkflowTaskResult")
          .withPlural("workflowtaskresults")
          .withNamespaced(true)
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final ApiCalls calls;
  private final PodEnvironment env;
  private final String namespace;

  public TaskResults(KubernetesClient client, ApiCalls calls, PodEnvironment env) {
    this.client = client;
    this.calls = calls;
    this.env = env;
    this.namespace = env.namespace() != null ? env.namespace() : client.getNamespace();
  }

  public String namespace() {
    return namespace;
  }

  private Resource<GenericKubernetesResource> resource() {
    return client.genericKubernetesResources(KIND).inNamespace(namespace).withName(env.nodeId());
  }

  /**
   * Creates the task result with {@code report-outputs-completed=false}. One that already exists (a
   * restarted wait container, or a create whose answer was lost) is read back and kept.
   */
  public void announce() throws ApiCallFailed, InterruptedException {
    GenericKubernetesResource tr = newResult(false);
    try {
      calls.call(
          "create WorkflowTaskResult " + namespace + "/" + env.nodeId(),
          () ->
              client.genericKubernetesResources(KIND).inNamespace(namespace).resource(tr).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw refused("create", e);
      }
      // already there: re-read it, which also checks that it can be reached
      GenericKubernetesResource existing =
          calls.call("get WorkflowTaskResult " + namespace + "/" + env.nodeId(), resource()::get);
      if (existing == null) {
        throw new ApiCallFailed(
            "WorkflowTaskResult " + namespace + "/" + env.nodeId() + " vanished after a conflict",
            e);
      }
    }
  }

  /**
   * Writes {@code outputs} (and {@code message}, if any) and flips the label to {@code true}. A
   * task result that is gone (deleted by hand, or by the controller once the workflow completed) is
   * created again, complete.
   */
  public void complete(Map<String, Object> outputs, String message)
      throws ApiCallFailed, InterruptedException {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("metadata", Map.of("labels", labels(true)));
    if (!outputs.isEmpty()) {
      patch.put("outputs", outputs);
    }
    if (message != null && !message.isEmpty()) {
      patch.put("message", message);
    }
    String body;
    try {
      body = JSON.writeValueAsString(patch);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the task result patch", e);
    }
    String what = "patch WorkflowTaskResult " + namespace + "/" + env.nodeId();
    try {
      calls.call(what, () -> resource().patch(PatchContext.of(PatchType.JSON_MERGE), body));
      return;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw refused("patch", e);
      }
    }
    // Gone: create it whole, complete at once. (The controller deletes the task results of a
    // completed workflow; if it deletes this one again, the report is no longer needed.)
    GenericKubernetesResource tr = newResult(true);
    if (!outputs.isEmpty()) {
      tr.setAdditionalProperty("outputs", outputs);
    }
    if (message != null && !message.isEmpty()) {
      tr.setAdditionalProperty("message", message);
    }
    try {
      calls.call(
          "create WorkflowTaskResult " + namespace + "/" + env.nodeId(),
          () ->
              client.genericKubernetesResources(KIND).inNamespace(namespace).resource(tr).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw refused("create", e);
      }
      try {
        calls.call(what, () -> resource().patch(PatchContext.of(PatchType.JSON_MERGE), body));
      } catch (KubernetesClientException again) {
        if (again.getCode() != 404) {
          throw refused("patch", again);
        }
      }
    }
  }

  private GenericKubernetesResource newResult(boolean complete) {
    GenericKubernetesResource tr = new GenericKubernetesResource();
    tr.setApiVersion("argoproj.io/v1alpha1");
    tr.setKind("WorkflowTaskResult");
    tr.setMetadata(
        new ObjectMetaBuilder()
            .withName(env.nodeId())
            .withNamespace(namespace)
            .withLabels(labels(complete))
            .withOwnerReferences(owners())
            .build());
    return tr;
  }

  private Map<String, String> labels(boolean complete) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PodLayout.LABEL_WORKFLOW, env.workflowName());
    labels.put(PodLayout.LABEL_REPORT_OUTPUTS_COMPLETED, Boolean.toString(complete));
    return labels;
  }

  /** The pod, as Argo's executor does; else the workflow; none if neither UID is known. */
  private List<OwnerReference> owners() {
    if (env.podName() != null && env.podUid() != null) {
      return List.of(
          new OwnerReferenceBuilder()
              .withApiVersion("v1")
              .withKind("Pod")
              .withName(env.podName())
              .withUid(env.podUid())
              .build());
    }
    if (env.workflowUid() == null) {
      return List.of();
    }
    return List.of(
        new OwnerReferenceBuilder()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("Workflow")
            .withName(env.workflowName())
            .withUid(env.workflowUid())
            .build());
  }

  private ApiCallFailed refused(String verb, KubernetesClientException e) {
    return new ApiCallFailed(
        "the API server refused to "
            + verb
            + " WorkflowTaskResult "
            + namespace
            + "/"
            + env.nodeId()
            + " (HTTP "
            + e.getCode()
            + "): "
            + e.getMessage()
            + (e.getCode() == 403
                ? "; the pod's service account needs create, get and patch on workflowtaskresults"
                : ""),
        e);
  }
}
