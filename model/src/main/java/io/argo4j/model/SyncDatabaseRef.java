package io.argo4j.model;

/** Argo's {@code SyncDatabaseRef}. */
public record SyncDatabaseRef(String key) {}
