package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** A template that creates, applies, patches or deletes a Kubernetes object. */
public record ResourceTemplate(
    String action,
    String mergeStrategy,
    String manifest,
    ManifestFrom manifestFrom,
    Boolean setOwnerReference,
    String successCondition,
    String failureCondition,
    List<String> flags) {

  /** Copies collections so that the record stays immutable. */
  public ResourceTemplate {
    flags = Immutables.list(flags);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ResourceTemplate} values; unset components stay null. */
  public static final class Builder {
    private String action;
    private String mergeStrategy;
    private String manifest;
    private ManifestFrom manifestFrom;
    private Boolean setOwnerReference;
    private String successCondition;
    private String failureCondition;
    private List<String> flags;

    private Builder() {}

    private Builder(ResourceTemplate source) {
      this.action = source.action;
      this.mergeStrategy = source.mergeStrategy;
      this.manifest = source.manifest;
      this.manifestFrom = source.manifestFrom;
      this.setOwnerReference = source.setOwnerReference;
      this.successCondition = source.successCondition;
      this.failureCondition = source.failureCondition;
      this.flags = source.flags;
    }

    public Builder action(String action) {
      this.action = action;
      return this;
    }

    public Builder mergeStrategy(String mergeStrategy) {
      this.mergeStrategy = mergeStrategy;
      return this;
    }

    public Builder manifest(String manifest) {
      this.manifest = manifest;
      return this;
    }

    public Builder manifestFrom(ManifestFrom manifestFrom) {
      this.manifestFrom = manifestFrom;
      return this;
    }

    public Builder setOwnerReference(Boolean setOwnerReference) {
      this.setOwnerReference = setOwnerReference;
      return this;
    }

    public Builder successCondition(String successCondition) {
      this.successCondition = successCondition;
      return this;
    }

    public Builder failureCondition(String failureCondition) {
      this.failureCondition = failureCondition;
      return this;
    }

    public Builder flags(List<String> flags) {
      this.flags = flags;
      return this;
    }

    public ResourceTemplate build() {
      return new ResourceTemplate(
          action,
          mergeStrategy,
          manifest,
          manifestFrom,
          setOwnerReference,
          successCondition,
          failureCondition,
          flags);
    }
  }
}
