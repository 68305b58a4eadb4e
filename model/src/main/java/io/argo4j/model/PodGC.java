package io.argo4j.model;

import io.fabric8.kubernetes.api.model.LabelSelector;

/** When finished pods are deleted. */
public record PodGC(String deleteDelayDuration, LabelSelector labelSelector, String strategy) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link PodGC} values; unset components stay null. */
  public static final class Builder {
    private String deleteDelayDuration;
    private LabelSelector labelSelector;
    private String strategy;

    private Builder() {}

    private Builder(PodGC source) {
      this.deleteDelayDuration = source.deleteDelayDuration;
      this.labelSelector = source.labelSelector;
      this.strategy = source.strategy;
    }

    public Builder deleteDelayDuration(String deleteDelayDuration) {
      this.deleteDelayDuration = deleteDelayDuration;
      return this;
    }

    public Builder labelSelector(LabelSelector labelSelector) {
      this.labelSelector = labelSelector;
      return this;
    }

    public Builder strategy(String strategy) {
      this.strategy = strategy;
      return this;
    }

    public PodGC build() {
      return new PodGC(deleteDelayDuration, labelSelector, strategy);
    }
  }
}
