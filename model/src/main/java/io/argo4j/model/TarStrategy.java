package io.argo4j.model;

/** Argo's {@code TarStrategy}. */
public record TarStrategy(Integer compressionLevel) {}
