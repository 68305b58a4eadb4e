package io.argo4j.model;

/** Argo's {@code ExecutorPluginSpec}. */
public record ExecutorPluginSpec(ExecutorPluginSidecar sidecar) {}
