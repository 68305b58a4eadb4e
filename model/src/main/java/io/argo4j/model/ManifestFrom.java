package io.argo4j.model;

/** Argo's {@code ManifestFrom}. */
public record ManifestFrom(Artifact artifact) {}
