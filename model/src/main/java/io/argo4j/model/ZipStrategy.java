package io.argo4j.model;

/** Argo's {@code ZipStrategy}. */
public record ZipStrategy() {}
