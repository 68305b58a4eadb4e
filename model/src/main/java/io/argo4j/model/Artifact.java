package io.argo4j.model;

/**
 * A named file or directory passed into or out of a template, with its storage location inline (as
 * in Argo's JSON).
 */
public record Artifact(
    String name,
    String path,
    Integer mode,
    String from,
    String fromExpression,
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
    PluginArtifact plugin,
    String globalName,
    ArchiveStrategy archive,
    Boolean optional,
    String subPath,
    Boolean recurseMode,
    ArtifactGC artifactGC,
    Boolean deleted) {

  /** The storage location fields of this artifact, as an {@link ArtifactLocation}. */
  public ArtifactLocation location() {
    return new ArtifactLocation(
        archiveLogs, s3, git, http, artifactory, hdfs, raw, oss, gcs, azure, plugin);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Artifact} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String path;
    private Integer mode;
    private String from;
    private String fromExpression;
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
    private String globalName;
    private ArchiveStrategy archive;
    private Boolean optional;
    private String subPath;
    private Boolean recurseMode;
    private ArtifactGC artifactGC;
    private Boolean deleted;

    private Builder() {}

    private Builder(Artifact source) {
      this.name = source.name;
      this.path = source.path;
      this.mode = source.mode;
      this.from = source.from;
      this.fromExpression = source.fromExpression;
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
      this.globalName = source.globalName;
      this.archive = source.archive;
      this.optional = source.optional;
      this.subPath = source.subPath;
      this.recurseMode = source.recurseMode;
      this.artifactGC = source.artifactGC;
      this.deleted = source.deleted;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder mode(Integer mode) {
      this.mode = mode;
      return this;
    }

    public Builder from(String from) {
      this.from = from;
      return this;
    }

    public Builder fromExpression(String fromExpression) {
      this.fromExpression = fromExpression;
      return this;
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

    public Builder globalName(String globalName) {
      this.globalName = globalName;
      return this;
    }

    public Builder archive(ArchiveStrategy archive) {
      this.archive = archive;
      return this;
    }

    public Builder optional(Boolean optional) {
      this.optional = optional;
      return this;
    }

    public Builder subPath(String subPath) {
      this.subPath = subPath;
      return this;
    }

    public Builder recurseMode(Boolean recurseMode) {
      this.recurseMode = recurseMode;
      return this;
    }

    public Builder artifactGC(ArtifactGC artifactGC) {
      this.artifactGC = artifactGC;
      return this;
    }

    public Builder deleted(Boolean deleted) {
      this.deleted = deleted;
      return this;
    }

    public Artifact build() {
      return new Artifact(
          name,
          path,
          mode,
          from,
          fromExpression,
          archiveLogs,
          s3,
          git,
          http,
          artifactory,
          hdfs,
          raw,
          oss,
          gcs,
          azure,
          plugin,
          globalName,
          archive,
          optional,
          subPath,
          recurseMode,
          artifactGC,
          deleted);
    }
  }
}
