package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.List;

/** Argo's {@code GitArtifact}. */
public record GitArtifact(
    String branch,
    Long depth,
    Boolean disableSubmodules,
    List<String> fetch,
    Boolean insecureIgnoreHostKey,
    Boolean insecureSkipTLS,
    SecretKeySelector passwordSecret,
    String repo,
    String revision,
    Boolean singleBranch,
    SecretKeySelector sshPrivateKeySecret,
    SecretKeySelector usernameSecret) {

  /** Copies collections so that the record stays immutable. */
  public GitArtifact {
    fetch = Immutables.list(fetch);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link GitArtifact} values; unset components stay null. */
  public static final class Builder {
    private String branch;
    private Long depth;
    private Boolean disableSubmodules;
    private List<String> fetch;
    private Boolean insecureIgnoreHostKey;
    private Boolean insecureSkipTLS;
    private SecretKeySelector passwordSecret;
    private String repo;
    private String revision;
    private Boolean singleBranch;
    private SecretKeySelector sshPrivateKeySecret;
    private SecretKeySelector usernameSecret;

    private Builder() {}

    private Builder(GitArtifact source) {
      this.branch = source.branch;
      this.depth = source.depth;
      this.disableSubmodules = source.disableSubmodules;
      this.fetch = source.fetch;
      this.insecureIgnoreHostKey = source.insecureIgnoreHostKey;
      this.insecureSkipTLS = source.insecureSkipTLS;
      this.passwordSecret = source.passwordSecret;
      this.repo = source.repo;
      this.revision = source.revision;
      this.singleBranch = source.singleBranch;
      this.sshPrivateKeySecret = source.sshPrivateKeySecret;
      this.usernameSecret = source.usernameSecret;
    }

    public Builder branch(String branch) {
      this.branch = branch;
      return this;
    }

    public Builder depth(Long depth) {
      this.depth = depth;
      return this;
    }

    public Builder disableSubmodules(Boolean disableSubmodules) {
      this.disableSubmodules = disableSubmodules;
      return this;
    }

    public Builder fetch(List<String> fetch) {
      this.fetch = fetch;
      return this;
    }

    public Builder insecureIgnoreHostKey(Boolean insecureIgnoreHostKey) {
      this.insecureIgnoreHostKey = insecureIgnoreHostKey;
      return this;
    }

    public Builder insecureSkipTLS(Boolean insecureSkipTLS) {
      this.insecureSkipTLS = insecureSkipTLS;
      return this;
    }

    public Builder passwordSecret(SecretKeySelector passwordSecret) {
      this.passwordSecret = passwordSecret;
      return this;
    }

    public Builder repo(String repo) {
      this.repo = repo;
      return this;
    }

    public Builder revision(String revision) {
      this.revision = revision;
      return this;
    }

    public Builder singleBranch(Boolean singleBranch) {
      this.singleBranch = singleBranch;
      return this;
    }

    public Builder sshPrivateKeySecret(SecretKeySelector sshPrivateKeySecret) {
      this.sshPrivateKeySecret = sshPrivateKeySecret;
      return this;
    }

    public Builder usernameSecret(SecretKeySelector usernameSecret) {
      this.usernameSecret = usernameSecret;
      return this;
    }

    public GitArtifact build() {
      return new GitArtifact(
          branch,
          depth,
          disableSubmodules,
          fetch,
          insecureIgnoreHostKey,
          insecureSkipTLS,
          passwordSecret,
          repo,
          revision,
          singleBranch,
          sshPrivateKeySecret,
          usernameSecret);
    }
  }
}
