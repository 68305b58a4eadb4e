package io.argo4j.model;

/** Argo's {@code RawArtifact}. */
public record RawArtifact(String data) {}
