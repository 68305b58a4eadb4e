package io.argo4j.model;

/** Argo's {@code OSSLifecycleRule}. */
public record OSSLifecycleRule(
    Integer markDeletionAfterDays, Integer markInfrequentAccessAfterDays) {}
