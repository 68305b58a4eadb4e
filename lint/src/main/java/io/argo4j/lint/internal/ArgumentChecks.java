package io.argo4j.lint.internal;

import io.argo4j.lint.Rule;
import io.argo4j.model.Arguments;
import io.argo4j.model.Artifact;
import io.argo4j.model.Parameter;
import io.argo4j.model.ValueFrom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Names, values and enums of arguments, inputs and outputs. */
final class ArgumentChecks {
  private ArgumentChecks() {}

  /** A Workflow's spec.arguments: values may be left for submission time. */
  static void workflowArguments(Reporter r, String path, Arguments args) {
    if (args == null) {
      return;
    }
    names(r, path + ".parameters", Nulls.list(args.parameters()), Parameter::name);
    names(r, path + ".artifacts", Nulls.list(args.artifacts()), Artifact::name);
    List<Parameter> params = Nulls.list(args.parameters());
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      String at = path + ".parameters[" + i + "]";
      valueFrom(r, at, p);
      enumValue(r, at, p, p.value(), "value");
    }
  }

  /** A step's or task's arguments: every parameter needs a value, every artifact a source. */
  static void callArguments(Reporter r, String path, Arguments args) {
    if (args == null) {
      return;
    }
    names(r, path + ".parameters", Nulls.list(args.parameters()), Parameter::name);
    names(r, path + ".artifacts", Nulls.list(args.artifacts()), Artifact::name);
    List<Parameter> params = Nulls.list(args.parameters());
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      String at = path + ".parameters[" + i + "]";
      if (p.value() == null && p.valueFrom() == null) {
        r.error(
            Rule.ARGUMENTS,
            at,
            "argument \"" + p.name() + "\" has no value",
            "value: ... or valueFrom: {configMapKeyRef | supplied}");
      }
      valueFrom(r, at, p);
      enumValue(r, at, p, p.value(), "value");
    }
    List<Artifact> artifacts = Nulls.list(args.artifacts());
    for (int i = 0; i < artifacts.size(); i++) {
      Artifact a = artifacts.get(i);
      String at = path + ".artifacts[" + i + "]";
      if (!Nulls.blank(a.from()) && !Nulls.blank(a.fromExpression())) {
        r.error(
            Rule.ARGUMENTS,
            at,
            "artifact \"" + a.name() + "\" sets both from and fromExpression",
            "one of from, fromExpression");
      } else if (!Calls.hasSource(a) && !Boolean.TRUE.equals(a.optional())) {
        r.error(
            Rule.ARGUMENTS,
            at,
            "artifact \"" + a.name() + "\" has no source",
            "from: \"{{steps.x.outputs.artifacts.y}}\", fromExpression, or a location (s3, http,"
                + " git, raw...)");
      }
    }
  }

  private static void valueFrom(Reporter r, String at, Parameter p) {
    ValueFrom vf = p.valueFrom();
    if (vf == null) {
      return;
    }
    boolean allowedSource =
        vf.configMapKeyRef() != null || !Nulls.blank(vf.event()) || vf.supplied() != null;
    boolean forbidden =
        !Nulls.blank(vf.path())
            || !Nulls.blank(vf.jsonPath())
            || !Nulls.blank(vf.parameter())
            || !Nulls.blank(vf.expression());
    if (!allowedSource || forbidden) {
      r.error(
          Rule.ARGUMENTS,
          at + ".valueFrom",
          "argument \""
              + p.name()
              + "\": valueFrom of an argument can only be a configMapKeyRef,"
              + " an event or supplied",
          "valueFrom: {configMapKeyRef: {name, key}} (with an optional default)");
    }
  }

  /** Checks that a parameter with an enum has a value among it. */
  static void enumValue(Reporter r, String at, Parameter p, String value, String field) {
    if (p.enumValues() == null) {
      return;
    }
    if (p.enumValues().isEmpty()) {
      r.error(
          Rule.ENUM,
          at + ".enum",
          "parameter \"" + p.name() + "\" has an empty enum",
          "at least one value");
      return;
    }
    if (value == null || Nulls.hasTags(value)) {
      return;
    }
    if (!p.enumValues().contains(value)) {
      r.valueError(
          Rule.ENUM,
          at + "." + field,
          "parameter \"" + p.name() + "\": " + field + " \"" + value + "\" is not in its enum",
          Nearest.describe(value, p.enumValues()));
    }
  }

  /** Parameter or artifact names: required, valid, unique in their list. */
  static <T> void names(Reporter r, String path, List<T> items, Function<T, String> name) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String n = name.apply(items.get(i));
      String at = path + "[" + i + "]";
      if (Nulls.blank(n)) {
        r.error(Rule.PARAMETER_NAME, at, "name is required", null);
        continue;
      }
      Optional<String> problem = Names.parameterNameProblem(n);
      if (problem.isPresent()) {
        r.valueError(Rule.PARAMETER_NAME, at + ".name", "\"" + n + "\" " + problem.get(), null);
      }
      Integer first = seen.putIfAbsent(n, i);
      if (first != null) {
        r.valueError(
            Rule.PARAMETER_NAME,
            at + ".name",
            "\"" + n + "\" is not unique (also [" + first + "])",
            "a name used once");
      }
    }
  }
}
