package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;

/** A template that runs several containers in one pod. */
public record ContainerSetTemplate(
    List<ContainerNode> containers,
    List<VolumeMount> volumeMounts,
    ContainerSetRetryStrategy retryStrategy) {

  /** Copies collections so that the record stays immutable. */
  public ContainerSetTemplate {
    containers = Immutables.list(containers);
    volumeMounts = Immutables.list(volumeMounts);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ContainerSetTemplate} values; unset components stay null. */
  public static final class Builder {
    private List<ContainerNode> containers;
    private List<VolumeMount> volumeMounts;
    private ContainerSetRetryStrategy retryStrategy;

    private Builder() {}

    private Builder(ContainerSetTemplate source) {
      this.containers = source.containers;
      this.volumeMounts = source.volumeMounts;
      this.retryStrategy = source.retryStrategy;
    }

    public Builder containers(List<ContainerNode> containers) {
      this.containers = containers;
      return this;
    }

    public Builder volumeMounts(List<VolumeMount> volumeMounts) {
      this.volumeMounts = volumeMounts;
      return this;
    }

    public Builder retryStrategy(ContainerSetRetryStrategy retryStrategy) {
      this.retryStrategy = retryStrategy;
      return this;
    }

    public ContainerSetTemplate build() {
      return new ContainerSetTemplate(containers, volumeMounts, retryStrategy);
    }
  }
}
