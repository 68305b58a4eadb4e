package io.argo4j.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A change seen by {@link WorkflowRepository#changesSince}. Changes are level-triggered: a document
 * written several times since the watcher's version appears once, in its latest state, at its
 * latest version.
 */
public sealed interface WorkflowChange {

  /** The version of the write this change reports; changes come in increasing order of it. */
  long resourceVersion();

  WorkflowKey key();

  String uid();

  /** A document created after the watcher's version, in its current state. */
  record Added(StoredWorkflow workflow) implements WorkflowChange {
    public Added {
      Objects.requireNonNull(workflow, "workflow");
    }

    @Override
    public long resourceVersion() {
      return workflow.resourceVersion();
    }

    @Override
    public WorkflowKey key() {
      return workflow.key();
    }

    @Override
    public String uid() {
      return workflow.uid();
    }
  }

  /** A document that existed at the watcher's version and was updated since, current state. */
  record Modified(StoredWorkflow workflow) implements WorkflowChange {
    public Modified {
      Objects.requireNonNull(workflow, "workflow");
    }

    @Override
    public long resourceVersion() {
      return workflow.resourceVersion();
    }

    @Override
    public WorkflowKey key() {
      return workflow.key();
    }

    @Override
    public String uid() {
      return workflow.uid();
    }
  }

  /** A document deleted since the watcher's version. */
  record Deleted(WorkflowKey key, String uid, long resourceVersion, Instant deletedAt)
      implements WorkflowChange {
    public Deleted {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(deletedAt, "deletedAt");
    }
  }
}
