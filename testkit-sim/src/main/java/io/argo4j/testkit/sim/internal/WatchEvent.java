package io.argo4j.testkit.sim.internal;

/** A change the API server announces to watchers. */
public sealed interface WatchEvent {

  /** The workflow the object belongs to (the work-queue key). */
  String workflow();

  long rv();

  /** The object's key in its kind. */
  String key();

  record OfWorkflow(StoredWorkflow object, boolean deleted) implements WatchEvent {
    @Override
    public String workflow() {
      return object.name();
    }

    @Override
    public long rv() {
      return object.rv();
    }

    @Override
    public String key() {
      return object.name();
    }
  }

  record OfPod(PodSnapshot object, boolean deleted) implements WatchEvent {
    @Override
    public String workflow() {
      return object.workflow();
    }

    @Override
    public long rv() {
      return object.rv();
    }

    @Override
    public String key() {
      return object.podName();
    }
  }

  record OfTaskResult(TaskResultSnapshot object, boolean deleted) implements WatchEvent {
    @Override
    public String workflow() {
      return object.workflow();
    }

    @Override
    public long rv() {
      return object.rv();
    }

    @Override
    public String key() {
      return object.nodeId();
    }
  }
}
