package io.argo4j.store;

import java.util.Objects;

/**
 * Identifies one document: its kind, namespace and name. Cluster-scoped kinds use the empty
 * namespace.
 *
 * @param kind the document's kind
 * @param namespace the namespace; {@code ""} exactly when the kind is cluster-scoped
 * @param name the document's name, at most {@value #MAX_NAME_LENGTH} characters
 */
public record WorkflowKey(WorkflowKind kind, String namespace, String name) {

  /** Kubernetes' limit for object names (a DNS subdomain). */
  public static final int MAX_NAME_LENGTH = 253;

  /** Kubernetes' limit for namespace names (a DNS label). */
  public static final int MAX_NAMESPACE_LENGTH = 63;

  public WorkflowKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (kind.clusterScoped() && !namespace.isEmpty()) {
      throw new IllegalArgumentException(
          kind.argoName()
              + " is cluster-scoped, so its namespace must be \"\", not \""
              + namespace
              + "\"");
    }
    if (!kind.clusterScoped() && namespace.isEmpty()) {
      throw new IllegalArgumentException(
          kind.argoName() + " " + name + " needs a namespace (for example \"default\")");
    }
    checkText("namespace", namespace, MAX_NAMESPACE_LENGTH);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a " + kind.argoName() + " needs a non-empty name");
    }
    checkText("name", name, MAX_NAME_LENGTH);
  }

  /** The key of a namespaced document. */
  public static WorkflowKey of(WorkflowKind kind, String namespace, String name) {
    return new WorkflowKey(kind, namespace, name);
  }

  /** The key of a Workflow. */
  public static WorkflowKey workflow(String namespace, String name) {
    return new WorkflowKey(WorkflowKind.WORKFLOW, namespace, name);
  }

  /** The key of a cluster-scoped document, which has no namespace. */
  public static WorkflowKey clusterScoped(WorkflowKind kind, String name) {
    return new WorkflowKey(kind, "", name);
  }

  /** Reads as Argo prints objects: {@code Workflow argo/hello}, or {@code Kind name}. */
  @Override
  public String toString() {
    return kind.argoName() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  private static void checkText(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          field
              + " \""
              + value.substring(0, 40)
              + "...\" has "
              + value.length()
              + " characters; at most "
              + maxLength
              + " are allowed");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          field + " \"" + value.strip() + "\" contains a control character, which is not allowed");
    }
  }
}
