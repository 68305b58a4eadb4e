package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowTemplateRef;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.runtime.local.LocalTemplates;
import io.argo4j.store.WorkflowKind;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Locale;
import java.util.Map;

/**
 * {@code submit --from KIND/NAME}: the workflow {@code argo submit --from} makes of a stored
 * template, one that refers to it whole ({@code spec.workflowTemplateRef}), named after it and
 * labelled with it.
 */
final class SubmitFrom {

  private SubmitFrom() {}

  /** The workflow's manifest as YAML text, checked like a file's afterwards. */
  static String manifest(String from, String namespace, LocalTemplates templates)
      throws CliException {
    String[] parts = from.split("/", 2);
    if (parts.length != 2 || parts[1].isBlank()) {
      throw new CliException(
          ExitCodes.USAGE,
          "--from " + from + ": expected KIND/NAME, such as workflowtemplate/my-template");
    }
    String name = parts[1];
    WorkflowKind kind =
        switch (parts[0].toLowerCase(Locale.ROOT)) {
          case "workflowtemplate", "wftmpl" -> WorkflowKind.WORKFLOW_TEMPLATE;
          case "clusterworkflowtemplate", "cwftmpl" -> WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE;
          case "cronworkflow", "cronwf" ->
              throw new CliException(
                  ExitCodes.USAGE,
                  "--from " + from + ": cron workflows are not supported by the local runtime yet");
          default ->
              throw new CliException(
                  ExitCodes.USAGE,
                  "--from "
                      + from
                      + ": unknown kind '"
                      + parts[0]
                      + "'; use workflowtemplate (wftmpl) or clusterworkflowtemplate (cwftmpl)");
        };
    if (templates.get(kind, namespace, name).isEmpty()) {
      throw new CliException(
          ExitCodes.FAILURE,
          kind.argoName()
              + " "
              + name
              + " not found"
              + (kind.clusterScoped() ? "" : " in namespace " + namespace)
              + "; argo4j "
              + (kind.clusterScoped() ? "cluster-template" : "template")
              + " create FILE stores one");
    }
    boolean cluster = kind.clusterScoped();
    ObjectMeta meta = new ObjectMeta();
    meta.setGenerateName(name + "-");
    meta.setLabels(
        Map.of(
            cluster
                ? "workflows.argoproj.io/cluster-workflow-template"
                : "workflows.argoproj.io/workflow-template",
            name));
    WorkflowSpec spec =
        WorkflowSpec.builder()
            .workflowTemplateRef(new WorkflowTemplateRef(name, cluster ? true : null))
            .build();
    return ManifestWriter.create()
        .toYaml(new Workflow(Workflow.API_VERSION, Workflow.KIND, meta, spec, null));
  }
}
