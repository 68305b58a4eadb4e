package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code ClientCertAuth}. */
public record ClientCertAuth(
    SecretKeySelector clientCertSecret, SecretKeySelector clientKeySecret) {}
