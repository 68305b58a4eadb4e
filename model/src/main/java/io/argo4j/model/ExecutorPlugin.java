package io.argo4j.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** Argo's {@code ExecutorPlugin}. */
public record ExecutorPlugin(ObjectMeta metadata, ExecutorPluginSpec spec) {}
