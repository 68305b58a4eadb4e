package io.argo4j.model;

/** Argo's {@code NodeSynchronizationStatus}. */
public record NodeSynchronizationStatus(String waiting) {}
