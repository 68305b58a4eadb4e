package io.argo4j.runtime.local;

import io.argo4j.engine.TemplateCatalog;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.OtherResource;
import io.argo4j.model.WorkflowTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates a workflow's {@code templateRef}s may name,
 * and the ConfigMaps its semaphores may take their limits from: those in its own file and in {@code
 * --templates DIR}. Kept with the workflow, so that a run resumed after a restart resolves them the
 * same way.
 */
public record TemplateSet(
    List<WorkflowTemplate> workflowTemplates,
    List<ClusterWorkflowTemplate> clusterTemplates,
    List<OtherResource> configMaps) {

  public TemplateSet {
    workflowTemplates = List.copyOf(workflowTemplates);
    clusterTemplates = List.copyOf(clusterTemplates);
    configMaps = List.copyOf(configMaps);
  }

  /** Templates without ConfigMaps. */
  public TemplateSet(
      List<WorkflowTemplate> workflowTemplates, List<ClusterWorkflowTemplate> clusterTemplates) {
    this(workflowTemplates, clusterTemplates, List.of());
  }

  public static TemplateSet empty() {
    return new TemplateSet(List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return workflowTemplates.isEmpty() && clusterTemplates.isEmpty() && configMaps.isEmpty();
  }

  /** Whether a manifest is a ConfigMap (semaphore limits). */
  public static boolean isConfigMap(Object manifest) {
    return manifest instanceof OtherResource o
        && "ConfigMap".equals(o.kind())
        && "v1".equals(o.apiVersion());
  }

  /** The catalog the engine looks templates up in; a later template of a name wins. */
  public TemplateCatalog catalog() {
    Map<String, WorkflowTemplate> wft = new LinkedHashMap<>();
    workflowTemplates.forEach(t -> wft.put(t.metadata().getName(), t));
    Map<String, ClusterWorkflowTemplate> cwft = new LinkedHashMap<>();
    clusterTemplates.forEach(t -> cwft.put(t.metadata().getName(), t));
    return TemplateCatalog.of(wft, cwft);
  }
}
