package io.argo4j.engine.internal;

import io.argo4j.model.NodeFlag;
import java.time.Instant;

/** Argo's executeTemplateOpts: how a template is being executed. */
final class Opts {
  /** The ID of the steps/DAG node this node belongs to. */
  final String boundaryId;

  /** Whether the template runs as (part of) an exit handler, which Stop lets finish. */
  final boolean onExitTemplate;

  /** The instant pods must be killed at (a retry's maxDuration), or null. */
  Instant executionDeadline;

  /** Hook and retry flags for the node being created. */
  NodeFlag nodeFlag;

  Opts(String boundaryId, boolean onExitTemplate, NodeFlag nodeFlag) {
    this.boundaryId = boundaryId;
    this.onExitTemplate = onExitTemplate;
    this.nodeFlag = nodeFlag;
  }

  static Opts root() {
    return new Opts(null, false, null);
  }
}
