package io.argo4j.lint.internal;

import io.argo4j.lint.Rule;
import io.argo4j.model.Arguments;
import io.argo4j.model.Artifact;
import io.argo4j.model.Parameter;
import io.argo4j.model.Template;
import io.argo4j.model.TemplateRef;
import io.argo4j.model.WorkflowSpec;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the template a step, task, hook, onExit or entrypoint calls, reporting what is wrong.
 */
final class Calls {
  private final SpecContext ctx;

  Calls(SpecContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The template called at {@code path} by name, templateRef or inline; empty when it cannot be
   * known here (reported, or a reference made of {{...}} variables).
   */
  Optional<Template> resolve(String path, String name, TemplateRef ref, Template inline) {
    Reporter r = ctx.reporter();
    boolean hasName = !Nulls.blank(name);
    if (ref != null && hasName) {
      r.error(
          Rule.TEMPLATE_REF,
          path + ".template",
          "template and templateRef are both set",
          "only one of template, templateRef, inline");
      return Optional.empty();
    }
    if (inline != null) {
      if (hasName || ref != null) {
        r.error(
            Rule.TEMPLATE_REF,
            path + ".inline",
            "inline is set together with " + (hasName ? "template" : "templateRef"),
            "only one of template, templateRef, inline");
      }
      return Optional.of(inline);
    }
    if (ref != null) {
      return resolveRef(path + ".templateRef", ref);
    }
    if (!hasName) {
      r.error(
          Rule.TEMPLATE_REF,
          path,
          "no template to run: set template, templateRef or inline",
          "template: <name of a template in spec.templates>");
      return Optional.empty();
    }
    return byName(path + ".template", name);
  }

  /** The local template {@code name}, reporting at {@code path} when it is not defined. */
  Optional<Template> byName(String path, String name) {
    if (Nulls.hasTags(name)) {
      return Optional.empty();
    }
    Optional<Template> found = ctx.local(name);
    if (found.isEmpty()) {
      Set<String> names = ctx.localNames();
      String where =
          ctx.templateSource() == ctx.spec()
              ? "in spec.templates"
              : "in the templates of the referenced WorkflowTemplate";
      ctx.reporter()
          .valueError(
              Rule.TEMPLATE_REF,
              path,
              "template \"" + name + "\" is not defined " + where,
              Nearest.describe(name, names));
    }
    return found;
  }

  Optional<Template> resolveRef(String path, TemplateRef ref) {
    Reporter r = ctx.reporter();
    if (Nulls.blank(ref.name())) {
      r.error(Rule.TEMPLATE_REF, path, "templateRef.name is required", null);
      return Optional.empty();
    }
    if (Nulls.blank(ref.template())) {
      r.error(Rule.TEMPLATE_REF, path, "templateRef.template is required", null);
      return Optional.empty();
    }
    if (Nulls.hasTags(ref.name()) || Nulls.hasTags(ref.template())) {
      return Optional.empty();
    }
    boolean cluster = Boolean.TRUE.equals(ref.clusterScope());
    Optional<WorkflowSpec> owner = ctx.index().find(ref.name(), cluster);
    if (owner.isEmpty()) {
      r.valueError(
          Rule.TEMPLATE_REF,
          path + ".name",
          TemplateIndex.kind(cluster)
              + " \""
              + ref.name()
              + "\" is not in the lint set; lint it together with this file or pass --templates"
              + " DIR",
          Nearest.describe(ref.name(), ctx.index().names(cluster)));
      return Optional.empty();
    }
    Optional<Template> found = owner.get().template(ref.template());
    if (found.isEmpty()) {
      Set<String> names =
          Nulls.list(owner.get().templates()).stream()
              .map(Template::name)
              .filter(n -> n != null)
              .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
      r.valueError(
          Rule.TEMPLATE_REF,
          path + ".template",
          "template \""
              + ref.template()
              + "\" is not defined in "
              + TemplateIndex.kind(cluster)
              + " \""
              + ref.name()
              + "\"",
          Nearest.describe(ref.template(), names));
    }
    return found;
  }

  /**
   * Reports the inputs of {@code callee} that have no value, default or source and that {@code
   * args} does not supply. {@code argsPath} is where the arguments are (or would be) written.
   */
  void checkSupplied(Template callee, Arguments args, String argsPath) {
    if (callee.inputs() == null) {
      return;
    }
    String calleeName = callee.name() == null ? "(inline)" : "\"" + callee.name() + "\"";
    for (Parameter p : Nulls.list(callee.inputs().parameters())) {
      if (p.name() == null || p.value() != null || p.defaultValue() != null) {
        continue;
      }
      if (p.valueFrom() != null) {
        continue;
      }
      boolean supplied =
          args != null
              && Nulls.list(args.parameters()).stream().anyMatch(a -> p.name().equals(a.name()));
      if (!supplied) {
        ctx.reporter()
            .error(
                Rule.INPUTS,
                argsPath,
                "input parameter \""
                    + p.name()
                    + "\" of template "
                    + calleeName
                    + " has no value or default and is not supplied",
                "arguments.parameters: [{name: " + p.name() + ", value: ...}]");
      }
    }
    for (Artifact a : Nulls.list(callee.inputs().artifacts())) {
      if (a.name() == null || Boolean.TRUE.equals(a.optional()) || hasSource(a)) {
        continue;
      }
      boolean supplied =
          args != null
              && Nulls.list(args.artifacts()).stream().anyMatch(x -> a.name().equals(x.name()));
      if (!supplied) {
        ctx.reporter()
            .error(
                Rule.INPUTS,
                argsPath,
                "input artifact \""
                    + a.name()
                    + "\" of template "
                    + calleeName
                    + " has no location and is not supplied",
                "arguments.artifacts: [{name: " + a.name() + ", from: ...}]");
      }
    }
  }

  static boolean hasSource(Artifact a) {
    return !Nulls.blank(a.from())
        || !Nulls.blank(a.fromExpression())
        || a.s3() != null
        || a.git() != null
        || a.http() != null
        || a.artifactory() != null
        || a.hdfs() != null
        || a.raw() != null
        || a.oss() != null
        || a.gcs() != null
        || a.azure() != null
        || a.plugin() != null;
  }
}
