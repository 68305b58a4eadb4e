package io.argo4j.model;

/** Argo's {@code RetryNodeAntiAffinity}. */
public record RetryNodeAntiAffinity() {}
