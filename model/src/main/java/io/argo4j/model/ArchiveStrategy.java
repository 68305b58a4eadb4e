package io.argo4j.model;

/** Argo's {@code ArchiveStrategy}. */
public record ArchiveStrategy(NoneStrategy none, TarStrategy tar, ZipStrategy zip) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArchiveStrategy} values; unset components stay null. */
  public static final class Builder {
    private NoneStrategy none;
    private TarStrategy tar;
    private ZipStrategy zip;

    private Builder() {}

    private Builder(ArchiveStrategy source) {
      this.none = source.none;
      this.tar = source.tar;
      this.zip = source.zip;
    }

    public Builder none(NoneStrategy none) {
      this.none = none;
      return this;
    }

    public Builder tar(TarStrategy tar) {
      this.tar = tar;
      return this;
    }

    public Builder zip(ZipStrategy zip) {
      this.zip = zip;
      return this;
    }

    public ArchiveStrategy build() {
      return new ArchiveStrategy(none, tar, zip);
    }
  }
}
