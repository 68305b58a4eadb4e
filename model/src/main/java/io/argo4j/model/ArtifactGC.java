package io.argo4j.model;

/** Argo's {@code ArtifactGC}. */
public record ArtifactGC(Metadata podMetadata, String serviceAccountName, String strategy) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArtifactGC} values; unset components stay null. */
  public static final class Builder {
    private Metadata podMetadata;
    private String serviceAccountName;
    private String strategy;

    private Builder() {}

    private Builder(ArtifactGC source) {
      this.podMetadata = source.podMetadata;
      this.serviceAccountName = source.serviceAccountName;
      this.strategy = source.strategy;
    }

    public Builder podMetadata(Metadata podMetadata) {
      this.podMetadata = podMetadata;
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

    public ArtifactGC build() {
      return new ArtifactGC(podMetadata, serviceAccountName, strategy);
    }
  }
}
