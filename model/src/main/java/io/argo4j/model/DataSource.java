package io.argo4j.model;

/** Argo's {@code DataSource}. */
public record DataSource(ArtifactPaths artifactPaths) {}
