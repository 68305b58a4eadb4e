package io.argo4j.engine;

import io.argo4j.model.Arguments;
import io.argo4j.model.Parameter;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code argo submit} does to a manifest before the controller sees it: a name from {@code
 * generateName}, a namespace, a UID, a creation time, {@code -p} parameters and an entrypoint
 * override. Pure: the caller supplies the random parts.
 *
 * @param namespace the namespace when the manifest has none
 * @param nameSuffix appended to {@code metadata.generateName} (Argo uses 5 random characters)
 * @param uid the workflow's UID
 * @param creationTime the creation timestamp (truncated to seconds, as Kubernetes stores it)
 * @param parameters {@code -p name=value} overrides of {@code spec.arguments.parameters}, in order
 * @param entrypoint overrides {@code spec.entrypoint} when not null
 * @param labels extra labels
 */
public record Submission(
    String namespace,
    String nameSuffix,
    String uid,
    Instant creationTime,
    Map<String, String> parameters,
    String entrypoint,
    Map<String, String> labels) {

  public Submission {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(nameSuffix, "nameSuffix");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(creationTime, "creationTime");
    parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
    labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
  }

  /**
   * The workflow as submitted.
   *
   * @throws IllegalArgumentException when the manifest has neither name nor generateName
   */
  public Workflow apply(Workflow manifest) {
    ObjectMeta meta =
        manifest.metadata() == null
            ? new ObjectMeta()
            : new ObjectMetaBuilder(manifest.metadata()).build();
    String name = meta.getName();
    if (name == null || name.isEmpty()) {
      String prefix = meta.getGenerateName();
      if (prefix == null || prefix.isEmpty()) {
        throw new IllegalArgumentException(
            "metadata.name or metadata.generateName is required to submit a workflow");
      }
      name = prefix + nameSuffix;
    }
    Map<String, String> allLabels =
        meta.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getLabels());
    allLabels.putAll(labels);
    ObjectMeta submitted =
        new ObjectMetaBuilder(meta)
            .withName(name)
            .withNamespace(
                meta.getNamespace() == null || meta.getNamespace().isEmpty()
                    ? namespace
                    : meta.getNamespace())
            .withUid(meta.getUid() == null ? uid : meta.getUid())
            .withCreationTimestamp(creationTime.truncatedTo(ChronoUnit.SECONDS).toString())
            .withLabels(allLabels.isEmpty() ? null : allLabels)
            .build();
    WorkflowSpec spec = manifest.spec() == null ? WorkflowSpec.builder().build() : manifest.spec();
    WorkflowSpec.Builder b = spec.toBuilder();
    if (entrypoint != null) {
      b.entrypoint(entrypoint);
    }
    if (!parameters.isEmpty()) {
      b.arguments(overrideParameters(spec.arguments(), parameters));
    }
    return new Workflow(manifest.apiVersion(), manifest.kind(), submitted, b.build(), null);
  }

  /**
   * {@code args} with {@code -p name=value} overrides: a declared parameter takes the value, an
   * undeclared one is added (as Argo does). For {@code submit} and {@code retry -p}.
   */
  static Arguments overrideParameters(Arguments args, Map<String, String> parameters) {
    List<Parameter> params =
        args == null || args.parameters() == null
            ? new ArrayList<>()
            : new ArrayList<>(args.parameters());
    Map<String, String> remaining = new LinkedHashMap<>(parameters);
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      if (remaining.containsKey(p.name())) {
        params.set(i, p.toBuilder().value(remaining.remove(p.name())).build());
      }
    }
    // Argo adds parameters the manifest does not declare, too
    remaining.forEach((k, v) -> params.add(Parameter.builder().name(k).value(v).build()));
    Arguments.Builder ab = args == null ? Arguments.builder() : args.toBuilder();
    return ab.parameters(params).build();
  }
}
