package io.argo4j.model;

/** Argo's {@code RetryAffinity}. */
public record RetryAffinity(RetryNodeAntiAffinity nodeAntiAffinity) {}
