package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.List;

/** What a CronWorkflow has done so far. */
public record CronWorkflowStatus(
    List<ObjectReference> active,
    Instant lastScheduledTime,
    List<Condition> conditions,
    Long succeeded,
    Long failed,
    String phase) {

  /** Copies collections so that the record stays immutable. */
  public CronWorkflowStatus {
    active = Immutables.list(active);
    conditions = Immutables.list(conditions);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link CronWorkflowStatus} values; unset components stay null. */
  public static final class Builder {
    private List<ObjectReference> active;
    private Instant lastScheduledTime;
    private List<Condition> conditions;
    private Long succeeded;
    private Long failed;
    private String phase;

    private Builder() {}

    private Builder(CronWorkflowStatus source) {
      this.active = source.active;
      this.lastScheduledTime = source.lastScheduledTime;
      this.conditions = source.conditions;
      this.succeeded = source.succeeded;
      this.failed = source.failed;
      this.phase = source.phase;
    }

    public Builder active(List<ObjectReference> active) {
      this.active = active;
      return this;
    }

    public Builder lastScheduledTime(Instant lastScheduledTime) {
      this.lastScheduledTime = lastScheduledTime;
      return this;
    }

    public Builder conditions(List<Condition> conditions) {
      this.conditions = conditions;
      return this;
    }

    public Builder succeeded(Long succeeded) {
      this.succeeded = succeeded;
      return this;
    }

    public Builder failed(Long failed) {
      this.failed = failed;
      return this;
    }

    public Builder phase(String phase) {
      this.phase = phase;
      return this;
    }

    public CronWorkflowStatus build() {
      return new CronWorkflowStatus(
          active, lastScheduledTime, conditions, succeeded, failed, phase);
    }
  }
}
