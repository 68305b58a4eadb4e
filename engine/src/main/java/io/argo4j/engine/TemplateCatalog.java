package io.argo4j.engine;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.WorkflowTemplate;
import java.util.Map;
import java.util.Optional;

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates that {@code templateRef} and {@code
 * workflowTemplateRef} may name. WorkflowTemplates are looked up in the workflow's namespace.
 */
public interface TemplateCatalog {

  Optional<WorkflowTemplate> workflowTemplate(String namespace, String name);

  Optional<ClusterWorkflowTemplate> clusterWorkflowTemplate(String name);

  /** A catalog with no templates. */
  static TemplateCatalog empty() {
    return of(Map.of(), Map.of());
  }

  /**
   * A fixed catalog. WorkflowTemplates are keyed by name and match any namespace, as when running
   * files locally; ClusterWorkflowTemplates by name.
   */
  static TemplateCatalog of(
      Map<String, WorkflowTemplate> workflowTemplates,
      Map<String, ClusterWorkflowTemplate> clusterTemplates) {
    Map<String, WorkflowTemplate> wft = Map.copyOf(workflowTemplates);
    Map<String, ClusterWorkflowTemplate> cwft = Map.copyOf(clusterTemplates);
    return new TemplateCatalog() {
      @Override
      public Optional<WorkflowTemplate> workflowTemplate(String namespace, String name) {
        return Optional.ofNullable(wft.get(name));
      }

      @Override
      public Optional<ClusterWorkflowTemplate> clusterWorkflowTemplate(String name) {
        return Optional.ofNullable(cwft.get(name));
      }
    };
  }
}
