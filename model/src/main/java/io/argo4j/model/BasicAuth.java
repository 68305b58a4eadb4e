package io.argo4j.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Argo's {@code BasicAuth}. */
public record BasicAuth(SecretKeySelector passwordSecret, SecretKeySelector usernameSecret) {}
