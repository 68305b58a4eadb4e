package io.argo4j.lint;

import java.util.Arrays;
import java.util.Optional;

/** The checks lint runs; each finding names one. {@code docs/lint.md} describes them all. */
public enum Rule {
  SYNTAX("syntax", "the file is YAML or JSON without syntax errors, each document an object"),
  IO("io", "the file or folder can be read and holds manifests"),
  SCHEMA("schema", "values have the types, required fields and enum values of Argo's schema"),
  UNKNOWN_FIELD("unknown-field", "every field exists in Argo's schema (an error with --strict)"),
  DUPLICATE_KEY("duplicate-key", "no key is written twice in one mapping"),
  METADATA_NAME("metadata-name", "metadata.name or generateName is set, DNS-1123 and short enough"),
  ENTRYPOINT("entrypoint", "spec.entrypoint is set (for Workflows) and names a template"),
  TEMPLATE_NAME("template-name", "template names are set, valid and unique"),
  TEMPLATE_TYPE("template-type", "each template has exactly one type (container, steps, dag...)"),
  TEMPLATE_REF(
      "template-ref",
      "template, templateRef, onExit and hooks name templates that exist, in this file or in the"
          + " WorkflowTemplates linted with it"),
  WORKFLOW_TEMPLATE_REF(
      "workflow-template-ref", "spec.workflowTemplateRef names a known (Cluster)WorkflowTemplate"),
  STEP_NAME("step-name", "step names are set, valid and unique within their template"),
  TASK_NAME("task-name", "DAG task names are set, valid and unique within their template"),
  DAG_DEPENDENCY(
      "dag-dependency",
      "dependencies and depends name tasks of the same DAG; depends and dependencies are not mixed"),
  DAG_CYCLE("dag-cycle", "DAG dependencies have no cycle"),
  DAG_TARGET("dag-target", "dag.target names tasks of the DAG"),
  DAG_TASKS("dag-tasks", "a DAG has at least one task"),
  PARAMETER_NAME(
      "parameter-name", "parameter and artifact names are set, valid and unique in their list"),
  VARIABLE(
      "variable",
      "{{...}} references name parameters, artifacts, steps and tasks that exist and are reachable"),
  EXPRESSION("expression", "{{=...}}, depends, when and hook expressions parse"),
  LOOP("loop", "at most one of withItems, withParam, withSequence; withSequence has count or end"),
  ENUM("enum", "a parameter's value is one of its enum values; an enum is not empty"),
  ARGUMENTS("arguments", "arguments have a value (parameters) or a source (artifacts)"),
  INPUTS(
      "inputs",
      "every input without a value or default is supplied by the caller; input artifact paths"),
  OUTPUTS("outputs", "output parameters and artifacts say where their value comes from"),
  RETRY_STRATEGY("retry-strategy", "retryStrategy limit, retryPolicy and backoff are well-formed"),
  DURATION("duration", "timeouts, deadlines and durations are well-formed and allowed there"),
  HOOK("hook", "lifecycle hooks other than exit have an expression"),
  LEAF("leaf", "leaf templates have an image, a valid resource action, no parallelism"),
  CRON_SCHEDULE("cron-schedule", "CronWorkflow schedules are valid cron expressions"),
  CRON_TIMEZONE("cron-timezone", "CronWorkflow timezone is an IANA time zone"),
  CRON_POLICY("cron-policy", "concurrencyPolicy and startingDeadlineSeconds are valid");

  private final String id;
  private final String summary;

  Rule(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** The stable identifier printed in reports, e.g. {@code dag-cycle}. */
  public String id() {
    return id;
  }

  /** What the rule checks, in one line. */
  public String summary() {
    return summary;
  }

  /** The rule with identifier {@code id}. */
  public static Optional<Rule> fromId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
