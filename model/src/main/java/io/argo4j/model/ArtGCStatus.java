package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.Map;

/** Progress of artifact garbage collection in a workflow status. */
public record ArtGCStatus(
    Boolean notSpecified,
    Map<String, Boolean> podsRecouped,
    Map<String, Boolean> strategiesProcessed) {

  /** Copies collections so that the record stays immutable. */
  public ArtGCStatus {
    podsRecouped = Immutables.map(podsRecouped);
    strategiesProcessed = Immutables.map(strategiesProcessed);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArtGCStatus} values; unset components stay null. */
  public static final class Builder {
    private Boolean notSpecified;
    private Map<String, Boolean> podsRecouped;
    private Map<String, Boolean> strategiesProcessed;

    private Builder() {}

    private Builder(ArtGCStatus source) {
      this.notSpecified = source.notSpecified;
      this.podsRecouped = source.podsRecouped;
      this.strategiesProcessed = source.strategiesProcessed;
    }

    public Builder notSpecified(Boolean notSpecified) {
      this.notSpecified = notSpecified;
      return this;
    }

    public Builder podsRecouped(Map<String, Boolean> podsRecouped) {
      this.podsRecouped = podsRecouped;
      return this;
    }

    public Builder strategiesProcessed(Map<String, Boolean> strategiesProcessed) {
      this.strategiesProcessed = strategiesProcessed;
      return this;
    }

    public ArtGCStatus build() {
      return new ArtGCStatus(notSpecified, podsRecouped, strategiesProcessed);
    }
  }
}
