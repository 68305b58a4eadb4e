package io.argo4j.model;

import io.fabric8.kubernetes.api.model.IntOrString;

/** Argo's {@code ContainerSetRetryStrategy}. */
public record ContainerSetRetryStrategy(IntOrString retries, String duration) {}
