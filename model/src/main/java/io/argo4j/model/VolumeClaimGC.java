package io.argo4j.model;

/** Argo's {@code VolumeClaimGC}. */
public record VolumeClaimGC(String strategy) {}
