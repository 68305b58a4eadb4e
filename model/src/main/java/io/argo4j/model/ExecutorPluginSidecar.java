package io.argo4j.model;

import io.fabric8.kubernetes.api.model.Container;

/** Argo's {@code ExecutorPluginSidecar}. */
public record ExecutorPluginSidecar(Boolean automountServiceAccountToken, Container container) {}
