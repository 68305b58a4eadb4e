package io.argo4j.engine.internal;

import io.argo4j.engine.TemplateCatalog;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Template;
import io.argo4j.model.TemplateRef;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.model.WorkflowTemplate;
import java.util.Map;
import java.util.Optional;

/**
 * Where template names are looked up: the workflow itself, or the WorkflowTemplate or
 * ClusterWorkflowTemplate that a {@code templateRef} led to (whose own steps then refer to its
 * templates). Templates reached through references are stored in the workflow's status on first
 * use, so that editing a WorkflowTemplate never changes a running workflow.
 */
final class TemplateContext {
  private final String scope; // local, namespaced or cluster
  private final String resourceName;
  private final WorkflowSpec spec;
  private final Resolver resolver;

  /** What a step, task, hook or node says about its template. */
  record Holder(String template, TemplateRef templateRef, Template inline) {}

  /** A resolved template and the context its own references resolve in. */
  record Resolved(TemplateContext context, Template template) {}

  /** Shared lookup state of one reconcile. */
  static final class Resolver {
    private final TemplateCatalog catalog;
    private final String namespace;
    private final Map<String, Template> stored;
    boolean storedChanged;

    Resolver(TemplateCatalog catalog, String namespace, Map<String, Template> stored) {
      this.catalog = catalog;
      this.namespace = namespace;
      this.stored = stored;
    }

    Map<String, Template> stored() {
      return stored;
    }
  }

  private TemplateContext(String scope, String resourceName, WorkflowSpec spec, Resolver resolver) {
    this.scope = scope;
    this.resourceName = resourceName;
    this.spec = spec;
    this.resolver = resolver;
  }

  static TemplateContext local(String workflowName, WorkflowSpec spec, Resolver resolver) {
    return new TemplateContext("local", workflowName, spec, resolver);
  }

  /** Argo's template scope string: {@code local/<wf>}, {@code namespaced/<wftmpl>}... */
  String templateScope() {
    return scope + "/" + resourceName;
  }

  boolean isLocal() {
    return scope.equals("local");
  }

  Resolved resolve(Holder h) {
    if (h.inline() != null) {
      return new Resolved(this, h.inline());
    }
    if (h.templateRef() != null) {
      return resolveRef(h.templateRef());
    }
    if (h.template() != null && !h.template().isEmpty()) {
      return new Resolved(this, byName(h.template()));
    }
    throw new EngineException("template reference is empty: set template, templateRef or inline");
  }

  private Template byName(String name) {
    if (spec.templates() != null) {
      for (Template t : spec.templates()) {
        if (name.equals(t.name())) {
          return t;
        }
      }
    }
    if (isLocal()) {
      throw new EngineException("template " + name + " not found");
    }
    throw new EngineException("template " + name + " not found in " + templateScope());
  }

  private Resolved resolveRef(TemplateRef ref) {
    boolean cluster = Boolean.TRUE.equals(ref.clusterScope());
    String storeKey = (cluster ? "cluster/" : "namespaced/") + ref.name() + "/" + ref.template();
    WorkflowSpec base = baseSpec(ref.name(), cluster);
    TemplateContext ctx =
        new TemplateContext(cluster ? "cluster" : "namespaced", ref.name(), base, resolver);
    Template stored = resolver.stored.get(storeKey);
    if (stored != null) {
      return new Resolved(ctx, stored);
    }
    Template t = ctx.byName(ref.template());
    resolver.stored.put(storeKey, t);
    resolver.storedChanged = true;
    return new Resolved(ctx, t);
  }

  private WorkflowSpec baseSpec(String name, boolean cluster) {
    if (cluster) {
      Optional<ClusterWorkflowTemplate> t = resolver.catalog.clusterWorkflowTemplate(name);
      if (t.isEmpty() || t.get().spec() == null) {
        throw new EngineException("clusterworkflowtemplate " + name + " not found");
      }
      return t.get().spec();
    }
    Optional<WorkflowTemplate> t = resolver.catalog.workflowTemplate(resolver.namespace, name);
    if (t.isEmpty() || t.get().spec() == null) {
      throw new EngineException("workflowtemplate " + name + " not found");
    }
    return t.get().spec();
  }

  /** The context a node's template scope names ({@code namespaced/x}), for re-resolution. */
  TemplateContext forScope(String templateScope) {
    if (templateScope == null || templateScope.startsWith("local/")) {
      return this.isLocal() ? this : null;
    }
    int slash = templateScope.indexOf('/');
    String s = templateScope.substring(0, slash);
    String name = templateScope.substring(slash + 1);
    boolean cluster = s.equals("cluster");
    return new TemplateContext(s, name, baseSpec(name, cluster), resolver);
  }
}
