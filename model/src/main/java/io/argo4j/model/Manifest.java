package io.argo4j.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** One Kubernetes object read from a manifest: an Argo resource or any other kind. */
public sealed interface Manifest permits ArgoResource, OtherResource {
  /** The {@code apiVersion}, e.g. {@code argoproj.io/v1alpha1} or {@code v1}. */
  String apiVersion();

  /** The {@code kind}, e.g. {@code Workflow}. */
  String kind();

  /** The object's metadata; may be null when the manifest has none. */
  ObjectMeta metadata();

  /** {@code metadata.name}, or null. */
  default String name() {
    return metadata() == null ? null : metadata().getName();
  }

  /** {@code metadata.namespace}, or null. */
  default String namespace() {
    return metadata() == null ? null : metadata().getNamespace();
  }
}
