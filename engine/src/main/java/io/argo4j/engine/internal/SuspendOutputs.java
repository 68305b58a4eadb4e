package io.argo4j.engine.internal;

import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Output parameters of suspend nodes: those declared {@code valueFrom.supplied} are filled in when
 * the node is resumed ({@code argo node set}), or take their defaults when a duration expires.
 */
final class SuspendOutputs {
  private SuspendOutputs() {}

  static Outputs initial(Template tmpl) {
    if (tmpl.outputs() == null || tmpl.outputs().parameters() == null) {
      return null;
    }
    List<Parameter> supplied = new ArrayList<>();
    for (Parameter p : tmpl.outputs().parameters()) {
      if (p.valueFrom() != null && p.valueFrom().supplied() != null) {
        supplied.add(p);
      }
    }
    return supplied.isEmpty() ? null : new Outputs(supplied, null, null, null);
  }

  /** Parameters without a value take their {@code valueFrom.default}. */
  static Outputs withDefaults(Outputs outputs) {
    if (outputs == null || outputs.parameters() == null) {
      return outputs;
    }
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : outputs.parameters()) {
      if (p.value() == null && p.valueFrom() != null && p.valueFrom().defaultValue() != null) {
        params.add(
            new Parameter(
                p.name(),
                p.valueFrom().defaultValue(),
                p.defaultValue(),
                p.valueFrom(),
                p.enumValues(),
                p.description(),
                p.globalName()));
      } else {
        params.add(p);
      }
    }
    return new Outputs(params, outputs.artifacts(), outputs.result(), outputs.exitCode());
  }
}
