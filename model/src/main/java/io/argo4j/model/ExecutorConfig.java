package io.argo4j.model;

/** Argo's {@code ExecutorConfig}. */
public record ExecutorConfig(String serviceAccountName) {}
