package io.argo4j.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.lint.Rule;
import io.argo4j.model.Artifact;
import io.argo4j.model.LifecycleHook;
import io.argo4j.model.Parameter;
import io.argo4j.model.Sequence;
import io.argo4j.model.Template;
import io.argo4j.model.TemplateType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scope entries steps and tasks add, and the loop checks they share. */
final class CallScope {
  private static final Set<TemplateType> WITH_RESULT =
      Set.of(
          TemplateType.CONTAINER,
          TemplateType.CONTAINER_SET,
          TemplateType.SCRIPT,
          TemplateType.DATA,
          TemplateType.HTTP,
          TemplateType.PLUGIN);

  private CallScope() {}

  /**
   * Adds what {@code prefix} ({@code steps.x} or {@code tasks.x}) exposes once it ran: its outputs
   * as {@code callee} declares them (anything when the callee is unknown).
   */
  static void addOutputs(
      Scope s, String prefix, Template callee, boolean aggregate, boolean status) {
    s.add(prefix + ".id")
        .add(prefix + ".startedAt")
        .add(prefix + ".finishedAt")
        .add(prefix + ".hostNodeName");
    if (status) {
      s.add(prefix + ".status");
    }
    if (callee == null) {
      s.addPrefix(prefix + ".");
      return;
    }
    if (Boolean.TRUE.equals(callee.daemon())) {
      s.add(prefix + ".ip");
    }
    TemplateType type = callee.type().orElse(null);
    if (type != null && WITH_RESULT.contains(type)) {
      s.add(prefix + ".outputs.result").add(prefix + ".exitCode");
    }
    if (callee.outputs() != null) {
      for (Parameter p : Nulls.list(callee.outputs().parameters())) {
        s.add(prefix + ".outputs.parameters." + p.name());
      }
      for (Artifact a : Nulls.list(callee.outputs().artifacts())) {
        s.add(prefix + ".outputs.artifacts." + a.name());
      }
    }
    if (aggregate) {
      s.add(prefix + ".outputs.parameters");
      if (type == TemplateType.SCRIPT || type == TemplateType.CONTAINER_SET) {
        s.add(prefix + ".outputs.result").add(prefix + ".exitCode");
      }
    }
  }

  /** Whether a step or task has an exit hook (onExit or hooks.exit). */
  static boolean hasExitHook(String onExit, Map<String, LifecycleHook> hooks) {
    return !Nulls.blank(onExit) || Nulls.map(hooks).containsKey("exit");
  }

  /** Checks the loop fields and adds {@code item} variables to {@code s}. */
  static void loop(
      Reporter r, String at, List<JsonNode> items, String param, Sequence seq, Scope s) {
    int defined =
        (items != null && !items.isEmpty() ? 1 : 0)
            + (Nulls.blank(param) ? 0 : 1)
            + (seq == null ? 0 : 1);
    if (defined > 1) {
      r.error(
          Rule.LOOP,
          at,
          "only one of withItems, withParam, withSequence can be set",
          "one loop field");
    }
    if (items != null && !items.isEmpty()) {
      for (JsonNode item : items) {
        if (item.isObject()) {
          for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            s.add("item." + it.next());
          }
        } else if (item.isArray()) {
          for (int i = 0; i < item.size(); i++) {
            s.add("item.[" + i + "]");
          }
        } else {
          s.add("item");
        }
      }
    } else if (!Nulls.blank(param)) {
      s.add("item").addPrefix("item.");
    } else if (seq != null) {
      if (seq.count() != null && seq.end() != null) {
        r.error(
            Rule.LOOP,
            at + ".withSequence",
            "withSequence sets both count and end",
            "count, or start and end");
      } else if (seq.count() == null && seq.end() == null) {
        r.error(Rule.LOOP, at + ".withSequence", "withSequence needs count or end", "count: 5");
      }
      s.add("item");
    }
  }

  /** Adds the inputs.parameters of an inline template, which its caller's fields may name. */
  static void inlineInputs(Template inline, Scope s) {
    if (inline != null && inline.inputs() != null) {
      for (Parameter p : Nulls.list(inline.inputs().parameters())) {
        s.add("inputs.parameters." + p.name());
      }
    }
  }
}
