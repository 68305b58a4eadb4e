package io.argo4j.model;

/** Argo's {@code MetricLabel}. */
public record MetricLabel(String key, String value) {}
