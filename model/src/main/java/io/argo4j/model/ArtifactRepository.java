package io.argo4j.model;

/** Argo's {@code ArtifactRepository}. */
public record ArtifactRepository(
    Boolean archiveLogs,
    S3ArtifactRepository s3,
    ArtifactoryArtifactRepository artifactory,
    HDFSArtifactRepository hdfs,
    OSSArtifactRepository oss,
    GCSArtifactRepository gcs,
    AzureArtifactRepository azure,
    PluginArtifactRepository plugin) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArtifactRepository} values; unset components stay null. */
  public static final class Builder {
    private Boolean archiveLogs;
    private S3ArtifactRepository s3;
    private ArtifactoryArtifactRepository artifactory;
    private HDFSArtifactRepository hdfs;
    private OSSArtifactRepository oss;
    private GCSArtifactRepository gcs;
    private AzureArtifactRepository azure;
    private PluginArtifactRepository plugin;

    private Builder() {}

    private Builder(ArtifactRepository source) {
      this.archiveLogs = source.archiveLogs;
      this.s3 = source.s3;
      this.artifactory = source.artifactory;
      this.hdfs = source.hdfs;
      this.oss = source.oss;
      this.gcs = source.gcs;
      this.azure = source.azure;
      this.plugin = source.plugin;
    }

    public Builder archiveLogs(Boolean archiveLogs) {
      this.archiveLogs = archiveLogs;
      return this;
    }

    public Builder s3(S3ArtifactRepository s3) {
      this.s3 = s3;
      return this;
    }

    public Builder artifactory(ArtifactoryArtifactRepository artifactory) {
      this.artifactory = artifactory;
      return this;
    }

    public Builder hdfs(HDFSArtifactRepository hdfs) {
      this.hdfs = hdfs;
      return this;
    }

    public Builder oss(OSSArtifactRepository oss) {
      this.oss = oss;
      return this;
    }

    public Builder gcs(GCSArtifactRepository gcs) {
      this.gcs = gcs;
      return this;
    }

    public Builder azure(AzureArtifactRepository azure) {
      this.azure = azure;
      return this;
    }

    public Builder plugin(PluginArtifactRepository plugin) {
      this.plugin = plugin;
      return this;
    }

    public ArtifactRepository build() {
      return new ArtifactRepository(archiveLogs, s3, artifactory, hdfs, oss, gcs, azure, plugin);
    }
  }
}
