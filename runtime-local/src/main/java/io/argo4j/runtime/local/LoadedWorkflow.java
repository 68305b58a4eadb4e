package io.argo4j.runtime.local;

import io.argo4j.model.Workflow;
import java.util.List;

/**
 * A workflow read from a file and checked, ready to submit.
 *
 * @param workflow the Workflow manifest
 * @param templates the WorkflowTemplates and ClusterWorkflowTemplates found with it
 * @param warnings problems that do not stop it from running
 */
public record LoadedWorkflow(Workflow workflow, TemplateSet templates, List<String> warnings) {
  public LoadedWorkflow {
    warnings = List.copyOf(warnings);
  }
}
