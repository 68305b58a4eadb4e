package io.argo4j.model;

/** What a {@link Template} does, named after the field that defines it. */
public enum TemplateType {
  CONTAINER("container"),
  SCRIPT("script"),
  RESOURCE("resource"),
  DAG("dag"),
  STEPS("steps"),
  SUSPEND("suspend"),
  DATA("data"),
  HTTP("http"),
  PLUGIN("plugin"),
  CONTAINER_SET("containerSet");

  private final String field;

  TemplateType(String field) {
    this.field = field;
  }

  /** The template field that holds this type's definition, e.g. "containerSet". */
  public String field() {
    return field;
  }
}
