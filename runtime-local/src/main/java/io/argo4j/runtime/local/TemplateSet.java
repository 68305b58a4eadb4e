package io.argo4j.runtime.local;

import io.argo4j.engine.TemplateCatalog;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.WorkflowTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates a workflow's {@code templateRef}s may name:
 * those in its own file and in {@code --templates DIR}. Kept with the workflow, so that a run
 * resumed after a restart resolves them the same way.
 */
public record TemplateSet(
    List<WorkflowTemplate> workflowTemplates, List<ClusterWorkflowTemplate> clusterTemplates) {

  public TemplateSet {
    workflowTemplates = List.copyOf(workflowTemplates);
    clusterTemplates = List.copyOf(clusterTemplates);
  }

  public static TemplateSet empty() {
    return new TemplateSet(List.of(), List.of());
  }

  public boolean isEmpty() {
    return workflowTemplates.isEmpty() && clusterTemplates.isEmpty();
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
