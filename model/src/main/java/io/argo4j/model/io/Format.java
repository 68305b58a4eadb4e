package io.argo4j.model.io;

/** A text format of manifests. */
public enum Format {
  YAML,
  JSON
}
