package io.argo4j.model;

/** Argo's {@code ArtifactRepositoryRef}. */
public record ArtifactRepositoryRef(String key, String configMap) {}
