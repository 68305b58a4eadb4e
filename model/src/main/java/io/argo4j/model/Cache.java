package io.argo4j.model;

import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** Argo's {@code Cache}. */
public record Cache(LocalObjectReference configMap) {}
