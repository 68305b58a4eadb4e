package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** The tasks of a DAG template and how the DAG ends. */
public record DAGTemplate(String target, List<DAGTask> tasks, Boolean failFast) {

  /** Copies collections so that the record stays immutable. */
  public DAGTemplate {
    tasks = Immutables.list(tasks);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link DAGTemplate} values; unset components stay null. */
  public static final class Builder {
    private String target;
    private List<DAGTask> tasks;
    private Boolean failFast;

    private Builder() {}

    private Builder(DAGTemplate source) {
      this.target = source.target;
      this.tasks = source.tasks;
      this.failFast = source.failFast;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder tasks(List<DAGTask> tasks) {
      this.tasks = tasks;
      return this;
    }

    public Builder failFast(Boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    public DAGTemplate build() {
      return new DAGTemplate(target, tasks, failFast);
    }
  }
}
