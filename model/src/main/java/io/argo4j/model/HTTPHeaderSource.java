package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code HTTPHeaderSource}. */
public record HTTPHeaderSource(SecretKeySelector secretKeyRef) {}
