package io.argo4j.engine.internal;

import io.argo4j.model.Artifact;
import io.argo4j.model.Outputs;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.ValueFrom;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a steps or DAG template can reference while it runs: its inputs, and the outputs of
 * its finished children under {@code steps.NAME.*} or {@code tasks.NAME.*} (Argo's wfScope).
 */
final class Scope {
  private final Map<String, Object> values = new HashMap<>();

  Scope(Template tmpl) {
    if (tmpl != null && tmpl.inputs() != null) {
      if (tmpl.inputs().parameters() != null) {
        for (Parameter p : tmpl.inputs().parameters()) {
          values.put("inputs.parameters." + p.name(), p.value() == null ? "" : p.value());
        }
      }
      if (tmpl.inputs().artifacts() != null) {
        for (Artifact a : tmpl.inputs().artifacts()) {
          values.put("inputs.artifacts." + a.name(), a);
        }
      }
    }
  }

  void addParam(String key, String value) {
    values.put(key, value);
  }

  void addArtifact(String key, Artifact artifact) {
    values.put(key, artifact);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** The string-valued entries, for {@code {{...}}} substitution. */
  Map<String, String> parameters() {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (e.getValue() instanceof String s) {
        out.put(e.getKey(), s);
      }
    }
    return out;
  }

  Map<String, Object> all() {
    return values;
  }

  /** Adds a node's outputs under a prefix: {@code PREFIX.outputs.result} and so on. */
  void addOutputs(String prefix, Outputs outputs) {
    if (outputs == null) {
      return;
    }
    if (!prefix.equals("workflow") && outputs.result() != null) {
      addParam(prefix + ".outputs.result", outputs.result());
    }
    if (!prefix.equals("workflow") && outputs.exitCode() != null) {
      addParam(prefix + ".exitCode", outputs.exitCode());
    }
    if (outputs.parameters() != null) {
      for (Parameter p : outputs.parameters()) {
        if (p.value() != null) {
          addParam(prefix + ".outputs.parameters." + p.name(), p.value());
        }
      }
    }
    if (outputs.artifacts() != null) {
      for (Artifact a : outputs.artifacts()) {
        addArtifact(prefix + ".outputs.artifacts." + a.name(), a);
      }
    }
  }

  /**
   * Argo's {@code resolveParameter}: an output parameter's {@code valueFrom.parameter} (a {@code
   * {{...}}} reference into this scope) or {@code valueFrom.expression}.
   */
  Object resolveParameter(ValueFrom vf, Expressions expr) {
    if (vf == null || (isEmpty(vf.parameter()) && isEmpty(vf.expression()))) {
      return "";
    }
    if (!isEmpty(vf.expression())) {
      return expr.eval(vf.expression(), values);
    }
    return resolveVar(vf.parameter(), expr);
  }

  /** Resolves {@code {{key}}} or {@code {{=expr}}} to the scope's value (string or artifact). */
  Object resolveVar(String ref, Expressions expr) {
    String tag = ref.strip();
    if (tag.startsWith("{{") && tag.endsWith("}}")) {
      tag = tag.substring(2, tag.length() - 2);
    }
    if (tag.startsWith("=")) {
      Object v = expr.eval(tag.substring(1), values);
      if (v == null) {
        throw new EngineException("Unable to resolve: \"" + tag + "\"");
      }
      return v;
    }
    Object v = values.get(tag.strip());
    if (v == null) {
      throw new EngineException("Unable to resolve: \"" + tag + "\"");
    }
    return v;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
