package io.argo4j.lint.internal;

import io.argo4j.lint.Rule;
import io.argo4j.model.Artifact;
import io.argo4j.model.Backoff;
import io.argo4j.model.Parameter;
import io.argo4j.model.ResourceTemplate;
import io.argo4j.model.RetryStrategy;
import io.argo4j.model.Template;
import io.argo4j.model.TemplateType;
import io.argo4j.model.UserContainer;
import io.argo4j.model.ValueFrom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Lints one template: type, inputs, outputs, retries, timeouts, and its steps or DAG. */
final class TemplateLinter {
  private static final Set<String> RETRY_POLICIES =
      Set.of("Always", "OnFailure", "OnError", "OnTransientError");
  private static final Set<String> RESOURCE_ACTIONS =
      Set.of("get", "create", "apply", "delete", "replace", "patch");
  private static final String TYPES =
      "container, containerSet, script, resource, steps, dag, suspend, data, http, plugin";

  private final SpecContext ctx;
  private final Calls calls;
  private final Reporter r;

  TemplateLinter(SpecContext ctx, Calls calls) {
    this.ctx = ctx;
    this.calls = calls;
    this.r = ctx.reporter();
  }

  void lint(Template t, String path) {
    Set<TemplateType> types = t.declaredTypes();
    if (types.isEmpty()) {
      r.error(
          Rule.TEMPLATE_TYPE,
          path,
          "template " + label(t) + " has no type",
          "exactly one of " + TYPES);
      return;
    }
    if (types.size() > 1) {
      r.error(
          Rule.TEMPLATE_TYPE,
          path,
          "template "
              + label(t)
              + " has several types: "
              + types.stream().map(TemplateType::field).collect(Collectors.joining(", ")),
          "exactly one of " + TYPES);
    }
    TemplateType type = types.iterator().next();
    boolean leaf = type != TemplateType.STEPS && type != TemplateType.DAG;
    inputs(t, path, type, leaf);
    outputs(t, path, type, leaf);
    retry(t.retryStrategy(), path + ".retryStrategy");
    deadlines(t, path, leaf);
    if (leaf) {
      leaf(t, path, type);
    }
    Scope scope = scope(t, type, leaf);
    VariableChecker vars = new VariableChecker(r);
    switch (type) {
      case STEPS -> new StepsLinter(ctx, calls, this).lint(t, path, scope);
      case DAG -> new DagLinter(ctx, calls, this).lint(t, path, scope);
      default ->
          vars.check(ctx.node(path), ctx.pointer(path), scope, tag -> Explain.common(tag, t));
    }
  }

  /** Lints an inline template of a step or task (its variables are checked with the caller). */
  void lintInline(Template t, String path) {
    Set<TemplateType> types = t.declaredTypes();
    if (types.size() != 1) {
      r.error(
          Rule.TEMPLATE_TYPE,
          path,
          types.isEmpty() ? "inline template has no type" : "inline template has several types",
          "exactly one of " + TYPES);
      return;
    }
    TemplateType type = types.iterator().next();
    boolean leaf = type != TemplateType.STEPS && type != TemplateType.DAG;
    inputs(t, path, type, leaf);
    outputs(t, path, type, leaf);
    retry(t.retryStrategy(), path + ".retryStrategy");
    deadlines(t, path, leaf);
    if (leaf) {
      leaf(t, path, type);
    }
  }

  private static String label(Template t) {
    return t.name() == null ? "(unnamed)" : "\"" + t.name() + "\"";
  }

  Scope scope(Template t, TemplateType type, boolean leaf) {
    Scope s = ctx.globals().copy();
    if (t.inputs() != null) {
      List<Parameter> params = Nulls.list(t.inputs().parameters());
      if (!params.isEmpty()) {
        s.add("inputs.parameters");
      }
      for (Parameter p : params) {
        s.add("inputs.parameters." + p.name());
      }
      for (Artifact a : Nulls.list(t.inputs().artifacts())) {
        s.add("inputs.artifacts." + a.name());
        if (leaf) {
          s.add("inputs.artifacts." + a.name() + ".path");
        }
      }
    }
    if (leaf && type != TemplateType.SUSPEND) {
      s.add("pod.name");
    }
    if (t.retryStrategy() != null) {
      s.add("retries")
          .add("lastRetry.exitCode")
          .add("lastRetry.status")
          .add("lastRetry.duration")
          .add("lastRetry.message");
    }
    return s;
  }

  private void inputs(Template t, String path, TemplateType type, boolean leaf) {
    if (t.inputs() == null) {
      return;
    }
    String at = path + ".inputs";
    List<Parameter> params = Nulls.list(t.inputs().parameters());
    ArgumentChecks.names(r, at + ".parameters", params, Parameter::name);
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      String pAt = at + ".parameters[" + i + "]";
      ArgumentChecks.enumValue(r, pAt, p, p.value(), "value");
      ArgumentChecks.enumValue(r, pAt, p, p.defaultValue(), "default");
    }
    List<Artifact> artifacts = Nulls.list(t.inputs().artifacts());
    ArgumentChecks.names(r, at + ".artifacts", artifacts, Artifact::name);
    boolean needsPath =
        type == TemplateType.CONTAINER
            || type == TemplateType.SCRIPT
            || type == TemplateType.CONTAINER_SET;
    for (int i = 0; i < artifacts.size(); i++) {
      Artifact a = artifacts.get(i);
      String aAt = at + ".artifacts[" + i + "]";
      if (needsPath && Nulls.blank(a.path())) {
        r.error(
            Rule.INPUTS,
            aAt,
            "input artifact \"" + a.name() + "\" needs a path in a " + type.field() + " template",
            "path: /tmp/" + (a.name() == null ? "artifact" : a.name()));
      }
      if (!leaf && !Nulls.blank(a.path())) {
        r.error(
            Rule.INPUTS,
            aAt + ".path",
            "input artifact \""
                + a.name()
                + "\": path is only valid in leaf templates, not in "
                + type.field(),
            null);
      }
      if (!Nulls.blank(a.from())) {
        r.error(
            Rule.INPUTS,
            aAt + ".from",
            "input artifact \""
                + a.name()
                + "\": from is not valid in inputs; the caller passes it"
                + " in arguments.artifacts",
            null);
      }
      if (a.git() != null && Nulls.blank(a.git().repo())) {
        r.error(Rule.INPUTS, aAt + ".git", "git artifact needs a repo", "repo: <url>");
      }
    }
  }

  private void outputs(Template t, String path, TemplateType type, boolean leaf) {
    if (t.outputs() == null) {
      return;
    }
    String at = path + ".outputs";
    List<Parameter> params = Nulls.list(t.outputs().parameters());
    ArgumentChecks.names(r, at + ".parameters", params, Parameter::name);
    for (int i = 0; i < params.size(); i++) {
      outputParameter(params.get(i), at + ".parameters[" + i + "]", type);
    }
    List<Artifact> artifacts = Nulls.list(t.outputs().artifacts());
    ArgumentChecks.names(r, at + ".artifacts", artifacts, Artifact::name);
    for (int i = 0; i < artifacts.size(); i++) {
      Artifact a = artifacts.get(i);
      String aAt = at + ".artifacts[" + i + "]";
      boolean podLeaf =
          type == TemplateType.CONTAINER
              || type == TemplateType.SCRIPT
              || type == TemplateType.CONTAINER_SET;
      if (podLeaf && Nulls.blank(a.path())) {
        r.error(
            Rule.OUTPUTS,
            aAt,
            "output artifact \"" + a.name() + "\" needs the path it is collected from",
            "path: /tmp/" + (a.name() == null ? "artifact" : a.name()));
      }
      if (!leaf && !Nulls.blank(a.path())) {
        r.error(
            Rule.OUTPUTS,
            aAt + ".path",
            "output artifact \"" + a.name() + "\": path is only valid in leaf templates",
            "from: \"{{steps.x.outputs.artifacts.y}}\"");
      }
      globalName(a.globalName(), aAt + ".globalName");
    }
  }

  private void outputParameter(Parameter p, String at, TemplateType type) {
    ValueFrom vf = p.valueFrom();
    String name = "output parameter \"" + p.name() + "\"";
    globalName(p.globalName(), at + ".globalName");
    if (vf != null && p.value() != null) {
      r.error(Rule.OUTPUTS, at, name + " has both value and valueFrom", "one of value, valueFrom");
      return;
    }
    if (p.value() != null) {
      return;
    }
    if (vf == null) {
      r.error(
          Rule.OUTPUTS,
          at,
          name + " has neither value nor valueFrom",
          "valueFrom: {path: /tmp/" + p.name() + "}");
      return;
    }
    int sources = 0;
    for (String s :
        new String[] {vf.path(), vf.jqFilter(), vf.jsonPath(), vf.parameter(), vf.expression()}) {
      if (!Nulls.blank(s)) {
        sources++;
      }
    }
    if (vf.supplied() != null) {
      sources++;
    }
    if (vf.configMapKeyRef() != null || !Nulls.blank(vf.event())) {
      sources++;
    }
    String kinds = "path, jqFilter, jsonPath, parameter, expression, supplied, configMapKeyRef";
    if (sources == 0) {
      r.error(
          Rule.OUTPUTS, at + ".valueFrom", name + ": valueFrom has no source", "one of " + kinds);
      return;
    }
    if (sources > 1) {
      r.error(
          Rule.OUTPUTS,
          at + ".valueFrom",
          name + ": valueFrom has several sources",
          "one of " + kinds);
      return;
    }
    switch (type) {
      case CONTAINER, SCRIPT, CONTAINER_SET -> {
        if (Nulls.blank(vf.path()) && vf.supplied() == null && vf.configMapKeyRef() == null) {
          r.error(
              Rule.OUTPUTS,
              at + ".valueFrom",
              name + ": a " + type.field() + " template reads outputs from a file",
              "path: /tmp/" + p.name());
        }
      }
      case RESOURCE -> {
        if (Nulls.blank(vf.jqFilter()) && Nulls.blank(vf.jsonPath()) && vf.supplied() == null) {
          r.error(
              Rule.OUTPUTS,
              at + ".valueFrom",
              name + ": a resource template reads outputs with jqFilter or jsonPath",
              "jsonPath: '{.metadata.name}'");
        }
      }
      case STEPS, DAG -> {
        if (Nulls.blank(vf.parameter()) && Nulls.blank(vf.expression()) && vf.supplied() == null) {
          r.error(
              Rule.OUTPUTS,
              at + ".valueFrom",
              name
                  + ": a "
                  + type.field()
                  + " template takes outputs from a parameter or expression",
              "parameter: \"{{"
                  + (type == TemplateType.DAG ? "tasks" : "steps")
                  + ".x.outputs.parameters.y}}\"");
        }
      }
      default -> {}
    }
    if (!Nulls.blank(vf.expression()) && !Nulls.hasTags(vf.expression())) {
      SpecLinter.compileExpr(r, at + ".valueFrom.expression", vf.expression());
    }
  }

  private void globalName(String name, String at) {
    if (Nulls.blank(name) || Names.PARAMETER.matcher(name).find()) {
      return;
    }
    Names.parameterNameProblem(name)
        .ifPresent(p -> r.valueError(Rule.OUTPUTS, at, "globalName \"" + name + "\" " + p, null));
  }

  void retry(RetryStrategy rs, String at) {
    if (rs == null) {
      return;
    }
    String policy = rs.retryPolicy();
    if (!Nulls.blank(policy) && !RETRY_POLICIES.contains(policy)) {
      r.valueError(
          Rule.RETRY_STRATEGY,
          at + ".retryPolicy",
          "\"" + policy + "\" is not a retry policy",
          Nearest.describe(policy, RETRY_POLICIES));
    }
    ValueChecks.nonNegativeInt(r, Rule.RETRY_STRATEGY, at + ".limit", rs.limit(), "limit");
    Backoff b = rs.backoff();
    if (b != null) {
      ValueChecks.duration(r, Rule.RETRY_STRATEGY, at + ".backoff.duration", b.duration());
      ValueChecks.duration(r, Rule.RETRY_STRATEGY, at + ".backoff.maxDuration", b.maxDuration());
      ValueChecks.duration(r, Rule.RETRY_STRATEGY, at + ".backoff.cap", b.cap());
      ValueChecks.nonNegativeInt(
          r, Rule.RETRY_STRATEGY, at + ".backoff.factor", b.factor(), "factor");
    }
    if (!Nulls.blank(rs.expression()) && !Nulls.hasTags(rs.expression())) {
      SpecLinter.compileExpr(r, at + ".expression", rs.expression());
    }
  }

  private void deadlines(Template t, String path, boolean leaf) {
    if (!Nulls.blank(t.timeout())) {
      String at = path + ".timeout";
      if (!leaf) {
        r.error(
            Rule.DURATION,
            at,
            "timeout is only supported by leaf templates (container, script, resource...), not by"
                + " steps or dag",
            "activeDeadlineSeconds on the workflow, or timeout on the leaf templates");
      } else if (t.timeout().trim().matches("[+-]?[0-9]+")) {
        r.valueError(
            Rule.DURATION,
            at,
            "timeout \"" + t.timeout() + "\" needs a unit",
            "\"" + t.timeout().trim() + "s\"");
      } else {
        ValueChecks.duration(r, Rule.DURATION, at, t.timeout());
      }
    }
    if (t.activeDeadlineSeconds() != null) {
      String at = path + ".activeDeadlineSeconds";
      if (!leaf) {
        r.error(
            Rule.DURATION,
            at,
            "activeDeadlineSeconds is only valid for leaf templates",
            "timeout on the leaf templates");
      } else {
        ValueChecks.nonNegativeInt(
            r, Rule.DURATION, at, t.activeDeadlineSeconds(), "activeDeadlineSeconds");
      }
    }
    if (t.memoize() != null) {
      ValueChecks.duration(r, Rule.DURATION, path + ".memoize.maxAge", t.memoize().maxAge());
    }
    if (leaf && t.parallelism() != null) {
      r.error(
          Rule.LEAF,
          path + ".parallelism",
          "parallelism is only valid for steps and dag templates",
          null);
    }
  }

  private void leaf(Template t, String path, TemplateType type) {
    Template defaults = ctx.spec().templateDefaults();
    if (type == TemplateType.CONTAINER && Nulls.blank(t.container().getImage())) {
      boolean defaulted =
          defaults != null
              && defaults.container() != null
              && !Nulls.blank(defaults.container().getImage());
      if (!defaulted) {
        r.error(Rule.LEAF, path + ".container", "container.image is required", "image: alpine:3");
      }
    }
    if (type == TemplateType.SCRIPT && Nulls.blank(t.script().image())) {
      boolean defaulted =
          defaults != null && defaults.script() != null && !Nulls.blank(defaults.script().image());
      if (!defaulted) {
        r.error(Rule.LEAF, path + ".script", "script.image is required", "image: python:3");
      }
    }
    if (type == TemplateType.RESOURCE) {
      resource(t, path + ".resource");
    }
    List<UserContainer> inits = Nulls.list(t.initContainers());
    for (int i = 0; i < inits.size(); i++) {
      if (Nulls.blank(inits.get(i).name())) {
        r.error(
            Rule.LEAF, path + ".initContainers[" + i + "]", "init container needs a name", null);
      }
    }
  }

  private void resource(Template t, String at) {
    ResourceTemplate res = t.resource();
    String action = res.action();
    if (Nulls.blank(action)) {
      r.error(
          Rule.LEAF,
          at,
          "resource.action is required",
          "one of " + String.join(", ", RESOURCE_ACTIONS));
      return;
    }
    if (!Nulls.hasTags(action) && !RESOURCE_ACTIONS.contains(action)) {
      r.valueError(
          Rule.LEAF,
          at + ".action",
          "\"" + action + "\" is not a resource action",
          Nearest.describe(action, RESOURCE_ACTIONS));
    }
    if (action.equals("get") || action.equals("delete")) {
      return;
    }
    boolean manifest = !Nulls.blank(res.manifest());
    boolean from = res.manifestFrom() != null;
    if (!manifest && !from) {
      r.error(
          Rule.LEAF,
          at,
          "resource action \"" + action + "\" needs a manifest",
          "manifest or manifestFrom");
    } else if (manifest && from) {
      r.error(
          Rule.LEAF,
          at,
          "resource has both manifest and manifestFrom",
          "one of manifest, manifestFrom");
    }
    if (from && res.manifestFrom().artifact() != null) {
      String name = res.manifestFrom().artifact().name();
      List<String> inputs =
          t.inputs() == null
              ? List.of()
              : Nulls.list(t.inputs().artifacts()).stream().map(Artifact::name).toList();
      if (name != null && !inputs.contains(name)) {
        r.valueError(
            Rule.LEAF,
            at + ".manifestFrom.artifact.name",
            "manifestFrom names artifact \"" + name + "\", which is not an input artifact",
            Nearest.describe(name, inputs));
      }
    }
  }
}
