package io.argo4j.model;

/** Argo's {@code WorkflowLevelArtifactGC}. */
public record WorkflowLevelArtifactGC(
    Boolean forceFinalizerRemoval,
    Metadata podMetadata,
    String podSpecPatch,
    String serviceAccountName,
    String strategy) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link WorkflowLevelArtifactGC} values; unset components stay null. */
  public static final class Builder {
    private Boolean forceFinalizerRemoval;
    private Metadata podMetadata;
    private String podSpecPatch;
    private String serviceAccountName;
    private String strategy;

    private Builder() {}

    private Builder(WorkflowLevelArtifactGC source) {
      this.forceFinalizerRemoval = source.forceFinalizerRemoval;
      this.podMetadata = source.podMetadata;
      this.podSpecPatch = source.podSpecPatch;
      this.serviceAccountName = source.serviceAccountName;
      this.strategy = source.strategy;
    }

    public Builder forceFinalizerRemoval(Boolean forceFinalizerRemoval) {
      this.forceFinalizerRemoval = forceFinalizerRemoval;
      return this;
    }

    public Builder podMetadata(Metadata podMetadata) {
      this.podMetadata = podMetadata;
      return this;
    }

    public Builder podSpecPatch(String podSpecPatch) {
      this.podSpecPatch = podSpecPatch;
      return this;
    }

    public Builder serviceAccountName(String serviceAccountName) {
      this.serviceAccountName = serviceAccountName;
      return this;
    }

    public Builder strategy(String strategy) {
      this.strategy = strategy;
      return this;
    }

    public WorkflowLevelArtifactGC build() {
      return new WorkflowLevelArtifactGC(
          forceFinalizerRemoval, podMetadata, podSpecPatch, serviceAccountName, strategy);
    }
  }
}
