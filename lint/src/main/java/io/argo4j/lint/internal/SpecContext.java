package io.argo4j.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.Template;
import io.argo4j.model.WorkflowSpec;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One workflow spec being linted.
 *
 * @param reporter where findings go
 * @param tree the whole document as read
 * @param path the spec's field path: {@code spec}, or {@code spec.workflowSpec} in a CronWorkflow
 * @param spec the spec
 * @param templateSource the spec whose templates {@code template:} names: this one, or the one a
 *     workflowTemplateRef names
 * @param templateKind whether the spec is a (Cluster)WorkflowTemplate's, validated without the
 *     arguments of a Workflow
 * @param kindName the document's kind, for messages
 * @param index the templates templateRefs can name
 * @param globals the global variables
 */
record SpecContext(
    Reporter reporter,
    JsonNode tree,
    String path,
    WorkflowSpec spec,
    WorkflowSpec templateSource,
    boolean templateKind,
    String kindName,
    TemplateIndex index,
    Scope globals) {

  Optional<Template> local(String name) {
    return templateSource == null ? Optional.empty() : templateSource.template(name);
  }

  Set<String> localNames() {
    Set<String> names = new LinkedHashSet<>();
    if (templateSource != null) {
      for (Template t : Nulls.list(templateSource.templates())) {
        if (t.name() != null) {
          names.add(t.name());
        }
      }
    }
    return names;
  }

  /** The subtree at a dotted field path, or a missing node. */
  JsonNode node(String fieldPath) {
    return tree.at(io.argo4j.model.io.FieldPath.toPointer(fieldPath));
  }

  String pointer(String fieldPath) {
    return io.argo4j.model.io.FieldPath.toPointer(fieldPath);
  }
}
