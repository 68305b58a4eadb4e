package io.argo4j.lint.internal;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The WorkflowTemplates and ClusterWorkflowTemplates that templateRefs may name. */
public final class TemplateIndex {
  private final Map<String, WorkflowSpec> namespaced = new LinkedHashMap<>();
  private final Map<String, WorkflowSpec> cluster = new LinkedHashMap<>();

  /** Adds {@code manifest} if it is a (Cluster)WorkflowTemplate with a name and a spec. */
  public void add(Manifest manifest) {
    if (manifest instanceof WorkflowTemplate wt && wt.name() != null && wt.spec() != null) {
      namespaced.putIfAbsent(wt.name(), wt.spec());
    } else if (manifest instanceof ClusterWorkflowTemplate cwt
        && cwt.name() != null
        && cwt.spec() != null) {
      cluster.putIfAbsent(cwt.name(), cwt.spec());
    }
  }

  Optional<WorkflowSpec> find(String name, boolean clusterScope) {
    return Optional.ofNullable((clusterScope ? cluster : namespaced).get(name));
  }

  Set<String> names(boolean clusterScope) {
    return (clusterScope ? cluster : namespaced).keySet();
  }

  static String kind(boolean clusterScope) {
    return clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
  }
}
