package io.argo4j.contract;

import java.util.List;
import java.util.Map;

/**
 * An upstream example both runtimes run, what it exercises, and the phase Argo's semantics give it.
 */
record ContractExample(String file, String covers, String expected) {

  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";

  private static ContractExample ok(String file, String covers) {
    return new ContractExample(file, covers, SUCCEEDED);
  }

  private static ContractExample fails(String file, String covers) {
    return new ContractExample(file, covers, FAILED);
  }

  /** The examples, from Argo v4.1.2's {@code examples/}: each finishes in seconds. */
  static final List<ContractExample> ALL =
      List.of(
          ok("hello-world.yaml", "container"),
          ok("steps.yaml", "steps"),
          ok("steps-inline-workflow.yaml", "inline steps"),
          ok("arguments-parameters.yaml", "parameters"),
          ok("global-parameters.yaml", "workflow parameters"),
          ok("output-parameter.yaml", "output parameters"),
          ok("exit-code-output-variable.yaml", "outputs.exitCode"),
          ok("input-artifact-raw.yaml", "raw input artifact"),
          ok("title-and-description-with-markdown.yaml", "annotations"),
          ok("label-value-from-workflow.yaml", "labels from parameters"),
          ok("pod-metadata.yaml", "pod metadata"),
          ok("pod-resources.yaml", "resources"),
          ok("dag-diamond.yaml", "DAG"),
          ok("dag-diamond-steps.yaml", "DAG of steps"),
          ok("dag-multiroot.yaml", "DAG, several roots"),
          ok("dag-targets.yaml", "DAG targets"),
          ok("dag-enhanced-depends.yaml", "depends expressions"),
          ok("dag-nested.yaml", "nested DAG"),
          ok("dag-inline-workflow.yaml", "inline DAG"),
          ok("loops.yaml", "withItems"),
          ok("loops-maps.yaml", "withItems of maps"),
          ok("loops-dag.yaml", "withItems in a DAG"),
          ok("loops-param-argument.yaml", "withParam from an argument"),
          ok("loops-sequence.yaml", "withSequence"),
          ok("parameter-aggregation.yaml", "withParam from a result, aggregation"),
          ok("parameter-aggregation-dag.yaml", "withParam in a DAG, aggregation"),
          ok("parameter-aggregation-script.yaml", "script, withParam"),
          ok("recursive-for-loop.yaml", "recursion, when"),
          ok("conditionals.yaml", "when (govaluate and expr)"),
          ok("status-reference.yaml", "when on status"),
          ok("expression-destructure-json.yaml", "expressions"),
          ok("expression-destructure-json-complex.yaml", "expressions"),
          ok("expression-reusing-verbose-snippets.yaml", "expressions"),
          ok("expression-tag-template-workflow.yaml", "expression tags"),
          ok("skipped-output-defaults/consumer-input-default.yaml", "skipped outputs"),
          ok("skipped-output-defaults/expression-fallback.yaml", "skipped outputs"),
          ok("skipped-output-defaults/producer-output-default.yaml", "skipped outputs"),
          ok("exit-handler-step-level.yaml", "step-level exit hooks"),
          ok("exit-handler-dag-level.yaml", "task-level exit hooks"),
          ok("exit-handler-with-param.yaml", "exit handler with outputs"),
          ok("template-on-exit.yaml", "template-level onExit"),
          fails("exit-handlers.yaml", "workflow onExit after a failure"),
          ok("continue-on-fail.yaml", "continueOn.failed"),
          fails("dag-continue-on-fail.yaml", "continueOn in a DAG"),
          fails("loops-arbitrary-sequential-steps.yaml", "failFast loop"),
          fails("pod-gc-strategy.yaml", "failure, podGC"),
          fails("dag-disable-failFast.yaml", "retries (limit 3, always failing), failFast off"),
          fails("timeouts-step.yaml", "activeDeadlineSeconds"),
          ok("synchronization-mutex-wf-level.yaml", "workflow mutex"),
          ok("container-set-template/sequence-workflow.yaml", "containerSet"),
          ok("container-set-template/parallel-workflow.yaml", "containerSet"),
          ok("container-set-template/graph-workflow.yaml", "containerSet"),
          ok("container-set-template/outputs-result-workflow.yaml", "containerSet result"),
          ok("workflow-template/steps.yaml", "templateRef"),
          ok("workflow-template/dag.yaml", "templateRef in a DAG"),
          ok("workflow-template/hello-world.yaml", "templateRef"),
          ok("workflow-template/workflow-template-ref.yaml", "workflowTemplateRef"),
          ok(
              "workflow-template/workflow-template-ref-with-entrypoint-arg-passing.yaml",
              "workflowTemplateRef with arguments"),
          ok("cluster-workflow-template/cluster-wftmpl-dag.yaml", "ClusterWorkflowTemplate"),
          ok(
              "cluster-workflow-template/mixed-cluster-namespaced-wftmpl-steps.yaml",
              "both template kinds"));

  /**
   * Examples of the conformance run left out here, and why (docs/conformance.md lists them too).
   */
  static final Map<String, String> EXCLUDED =
      Map.ofEntries(
          Map.entry("coinflip.yaml", "random: each runtime flips its own coin"),
          Map.entry("coinflip-recursive.yaml", "random"),
          Map.entry("dag-coinflip.yaml", "random"),
          Map.entry("conditional-parameters.yaml", "random"),
          Map.entry("dag-conditional-parameters.yaml", "random"),
          Map.entry("conditionals-complex.yaml", "random"),
          Map.entry("withsequence-nested-result.yaml", "random"),
          Map.entry("scripts-bash.yaml", "random"),
          Map.entry("scripts-python.yaml", "random"),
          Map.entry("scripts-javascript.yaml", "random"),
          Map.entry("custom-metrics.yaml", "random"),
          Map.entry("resubmit.yaml", "random"),
          Map.entry("template-defaults.yaml", "random exit code"),
          Map.entry("retry-container.yaml", "random: retries until a random exit code is 0"),
          Map.entry("retry-script.yaml", "random"),
          Map.entry("retry-backoff.yaml", "random"),
          Map.entry("retry-conditional.yaml", "random"),
          Map.entry("retry-on-error.yaml", "random"),
          Map.entry("retry-with-steps.yaml", "random"),
          Map.entry("retry-container-to-completion.yaml", "random"),
          Map.entry("workflow-template/retry-with-steps.yaml", "random"),
          Map.entry(
              "suspend-template.yaml",
              "waits for `argo resume` before its step with a duration: never completes alone"),
          Map.entry("suspend-template-outputs.yaml", "waits for `argo resume`"),
          Map.entry("intermediate-parameters.yaml", "waits for `argo resume`"),
          Map.entry(
              "life-cycle-hooks-tmpl-level.yaml",
              "http template (network), not in the conformance run"),
          Map.entry("life-cycle-hooks-wf-level.yaml", "http template (network)"),
          Map.entry(
              "loops-param-result.yaml", "30 s of sleep; loops from results are covered above"),
          Map.entry("parallelism-limit.yaml", "50 s of sleep by design"),
          Map.entry("parallelism-nested.yaml", "40 s of sleep by design"),
          Map.entry("parallelism-nested-dag.yaml", "80 s of sleep by design"),
          Map.entry("parallelism-template-limit.yaml", "50 s of sleep by design"),
          Map.entry("synchronization-mutex-tmpl-level.yaml", "50 s of sleep by design"),
          Map.entry("dag-task-level-timeout.yaml", "30 s; timeouts-step.yaml covers deadlines"),
          Map.entry("step-level-timeout.yaml", "timeouts-step.yaml covers deadlines"));
}
