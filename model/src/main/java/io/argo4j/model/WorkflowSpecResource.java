package io.argo4j.model;

import java.util.Optional;

/** An Argo resource whose spec is a {@link WorkflowSpec}: workflows and workflow templates. */
public sealed interface WorkflowSpecResource extends ArgoResource
    permits Workflow, WorkflowTemplate, ClusterWorkflowTemplate {
  /** The spec; may be null in a manifest that lacks one. */
  WorkflowSpec spec();

  /** The template with this name in the spec, if any. */
  default Optional<Template> template(String name) {
    return spec() == null ? Optional.empty() : spec().template(name);
  }
}
