package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/** When a CronWorkflow creates workflows and what they look like. */
public record CronWorkflowSpec(
    List<String> schedules,
    String timezone,
    String concurrencyPolicy,
    Long startingDeadlineSeconds,
    Integer successfulJobsHistoryLimit,
    Integer failedJobsHistoryLimit,
    Boolean suspend,
    StopStrategy stopStrategy,
    String when,
    ObjectMeta workflowMetadata,
    WorkflowSpec workflowSpec) {

  /** Copies collections so that the record stays immutable. */
  public CronWorkflowSpec {
    schedules = Immutables.list(schedules);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link CronWorkflowSpec} values; unset components stay null. */
  public static final class Builder {
    private List<String> schedules;
    private String timezone;
    private String concurrencyPolicy;
    private Long startingDeadlineSeconds;
    private Integer successfulJobsHistoryLimit;
    private Integer failedJobsHistoryLimit;
    private Boolean suspend;
    private StopStrategy stopStrategy;
    private String when;
    private ObjectMeta workflowMetadata;
    private WorkflowSpec workflowSpec;

    private Builder() {}

    private Builder(CronWorkflowSpec source) {
      this.schedules = source.schedules;
      this.timezone = source.timezone;
      this.concurrencyPolicy = source.concurrencyPolicy;
      this.startingDeadlineSeconds = source.startingDeadlineSeconds;
      this.successfulJobsHistoryLimit = source.successfulJobsHistoryLimit;
      this.failedJobsHistoryLimit = source.failedJobsHistoryLimit;
      this.suspend = source.suspend;
      this.stopStrategy = source.stopStrategy;
      this.when = source.when;
      this.workflowMetadata = source.workflowMetadata;
      this.workflowSpec = source.workflowSpec;
    }

    public Builder schedules(List<String> schedules) {
      this.schedules = schedules;
      return this;
    }

    public Builder timezone(String timezone) {
      this.timezone = timezone;
      return this;
    }

    public Builder concurrencyPolicy(String concurrencyPolicy) {
      this.concurrencyPolicy = concurrencyPolicy;
      return this;
    }

    public Builder startingDeadlineSeconds(Long startingDeadlineSeconds) {
      this.startingDeadlineSeconds = startingDeadlineSeconds;
      return this;
    }

    public Builder successfulJobsHistoryLimit(Integer successfulJobsHistoryLimit) {
      this.successfulJobsHistoryLimit = successfulJobsHistoryLimit;
      return this;
    }

    public Builder failedJobsHistoryLimit(Integer failedJobsHistoryLimit) {
      this.failedJobsHistoryLimit = failedJobsHistoryLimit;
      return this;
    }

    public Builder suspend(Boolean suspend) {
      this.suspend = suspend;
      return this;
    }

    public Builder stopStrategy(StopStrategy stopStrategy) {
      this.stopStrategy = stopStrategy;
      return this;
    }

    public Builder when(String when) {
      this.when = when;
      return this;
    }

    public Builder workflowMetadata(ObjectMeta workflowMetadata) {
      this.workflowMetadata = workflowMetadata;
      return this;
    }

    public Builder workflowSpec(WorkflowSpec workflowSpec) {
      this.workflowSpec = workflowSpec;
      return this;
    }

    public CronWorkflowSpec build() {
      return new CronWorkflowSpec(
          schedules,
          timezone,
          concurrencyPolicy,
          startingDeadlineSeconds,
          successfulJobsHistoryLimit,
          failedJobsHistoryLimit,
          suspend,
          stopStrategy,
          when,
          workflowMetadata,
          workflowSpec);
    }
  }
}
