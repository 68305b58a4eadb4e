package io.argo4j.model;

import io.argo4j.model.internal.Kinds;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** Creates workflows on a schedule. */
public record CronWorkflow(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    CronWorkflowSpec spec,
    CronWorkflowStatus status)
    implements ArgoResource {
  /** This record's kind. */
  public static final String KIND = "CronWorkflow";

  /** Defaults apiVersion and kind; refuses another kind. */
  public CronWorkflow {
    apiVersion = Kinds.apiVersion(apiVersion);
    kind = Kinds.kind(kind, KIND);
  }

  /** A CronWorkflow with this metadata and spec and no status. */
  public static CronWorkflow of(ObjectMeta metadata, CronWorkflowSpec spec) {
    return new CronWorkflow(null, null, metadata, spec, null);
  }

  /** A copy with other metadata. */
  public CronWorkflow withMetadata(ObjectMeta metadata) {
    return new CronWorkflow(apiVersion, kind, metadata, spec, status);
  }

  /** A copy with another spec. */
  public CronWorkflow withSpec(CronWorkflowSpec spec) {
    return new CronWorkflow(apiVersion, kind, metadata, spec, status);
  }

  /** A copy with another status. */
  public CronWorkflow withStatus(CronWorkflowStatus status) {
    return new CronWorkflow(apiVersion, kind, metadata, spec, status);
  }
}
