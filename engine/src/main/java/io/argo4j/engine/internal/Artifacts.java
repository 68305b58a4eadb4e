package io.argo4j.engine.internal;

import io.argo4j.model.Artifact;

/** Copies of artifacts with one thing changed. */
final class Artifacts {
  private Artifacts() {}

  /** The artifact under another name, without path and global name (a workflow output). */
  static Artifact renamed(Artifact a, String name) {
    return new Artifact(
        name,
        null,
        a.mode(),
        a.from(),
        a.fromExpression(),
        a.archiveLogs(),
        a.s3(),
        a.git(),
        a.http(),
        a.artifactory(),
        a.hdfs(),
        a.raw(),
        a.oss(),
        a.gcs(),
        a.azure(),
        a.plugin(),
        null,
        a.archive(),
        a.optional(),
        a.subPath(),
        a.recurseMode(),
        a.artifactGC(),
        a.deleted());
  }

  /** An artifact with the given name, keeping everything else. */
  static Artifact withName(Artifact a, String name) {
    return new Artifact(
        name,
        a.path(),
        a.mode(),
        a.from(),
        a.fromExpression(),
        a.archiveLogs(),
        a.s3(),
        a.git(),
        a.http(),
        a.artifactory(),
        a.hdfs(),
        a.raw(),
        a.oss(),
        a.gcs(),
        a.azure(),
        a.plugin(),
        a.globalName(),
        a.archive(),
        a.optional(),
        a.subPath(),
        a.recurseMode(),
        a.artifactGC(),
        a.deleted());
  }

  /** The argument artifact placed at the input's path and mode. */
  static Artifact asInput(Artifact arg, Artifact input) {
    return new Artifact(
        arg.name(),
        input.path(),
        input.mode(),
        arg.from(),
        arg.fromExpression(),
        arg.archiveLogs(),
        arg.s3(),
        arg.git(),
        arg.http(),
        arg.artifactory(),
        arg.hdfs(),
        arg.raw(),
        arg.oss(),
        arg.gcs(),
        arg.azure(),
        arg.plugin(),
        arg.globalName(),
        arg.archive(),
        arg.optional(),
        arg.subPath(),
        input.recurseMode(),
        arg.artifactGC(),
        arg.deleted());
  }

  /** Whether an artifact has a storage location or key of its own. */
  static boolean hasLocation(Artifact a) {
    return a.s3() != null
        || a.git() != null
        || a.http() != null
        || a.artifactory() != null
        || a.hdfs() != null
        || a.raw() != null
        || a.oss() != null
        || a.gcs() != null
        || a.azure() != null
        || a.plugin() != null;
  }
}
