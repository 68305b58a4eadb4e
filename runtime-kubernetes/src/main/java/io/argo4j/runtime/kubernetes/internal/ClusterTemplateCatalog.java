package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.engine.TemplateCatalog;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.runtime.kubernetes.Cluster;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Templates read from the cluster when the engine asks, each at most once per reconcile (a new
 * catalog is made for every reconcile, so edits are seen on the next one).
 */
final class ClusterTemplateCatalog implements TemplateCatalog {
  private final Cluster cluster;
  private final Map<String, Optional<WorkflowTemplate>> templates = new HashMap<>();
  private final Map<String, Optional<ClusterWorkflowTemplate>> clusterTemplates = new HashMap<>();

  ClusterTemplateCatalog(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public Optional<WorkflowTemplate> workflowTemplate(String namespace, String name) {
    return templates.computeIfAbsent(
        namespace + "/" + name, k -> cluster.readWorkflowTemplate(namespace, name));
  }

  @Override
  public Optional<ClusterWorkflowTemplate> clusterWorkflowTemplate(String name) {
    return clusterTemplates.computeIfAbsent(name, cluster::readClusterWorkflowTemplate);
  }
}
