package io.argo4j.model;

/** Where artifacts are stored: at most one location kind is set. */
public record ArtifactLocation(
    Boolean archiveLogs,
    S3Artifact s3,
    GitArtifact git,
    HTTPArtifact http,
    ArtifactoryArtifact artifactory,
    HDFSArtifact hdfs,
    RawArtifact raw,
    OSSArtifact oss,
    GCSArtifact gcs,
    AzureArtifact azure,
    PluginArtifact plugin) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ArtifactLocation} values; unset components stay null. */
  public static final class Builder {
    private Boolean archiveLogs;
    private S3Artifact s3;
    private GitArtifact git;
    private HTTPArtifact http;
    private ArtifactoryArtifact artifactory;
    private HDFSArtifact hdfs;
    private RawArtifact raw;
    private OSSArtifact oss;
    private GCSArtifact gcs;
    private AzureArtifact azure;
    private PluginArtifact plugin;

    private Builder() {}

    private Builder(ArtifactLocation source) {
      this.archiveLogs = source.archiveLogs;
      this.s3 = source.s3;
      this.git = source.git;
      this.http = source.http;
      this.artifactory = source.artifactory;
      this.hdfs = source.hdfs;
      this.raw = source.raw;
      this.oss = source.oss;
      this.gcs = source.gcs;
      this.azure = source.azure;
      this.plugin = source.plugin;
    }

    public Builder archiveLogs(Boolean archiveLogs) {
      this.archiveLogs = archiveLogs;
      return this;
    }

    public Builder s3(S3Artifact s3) {
      this.s3 = s3;
      return this;
    }

    public Builder git(GitArtifact git) {
      this.git = git;
      return this;
    }

    public Builder http(HTTPArtifact http) {
      this.http = http;
      return this;
    }

    public Builder artifactory(ArtifactoryArtifact artifactory) {
      this.artifactory = artifactory;
      return this;
    }

    public Builder hdfs(HDFSArtifact hdfs) {
      this.hdfs = hdfs;
      return this;
    }

    public Builder raw(RawArtifact raw) {
      this.raw = raw;
      return this;
    }

    public Builder oss(OSSArtifact oss) {
      this.oss = oss;
      return this;
    }

    public Builder gcs(GCSArtifact gcs) {
      this.gcs = gcs;
      return this;
    }

    public Builder azure(AzureArtifact azure) {
      this.azure = azure;
      return this;
    }

    public Builder plugin(PluginArtifact plugin) {
      this.plugin = plugin;
      return this;
    }

    public ArtifactLocation build() {
      return new ArtifactLocation(
          archiveLogs, s3, git, http, artifactory, hdfs, raw, oss, gcs, azure, plugin);
    }
  }
}
