package io.argo4j.model;

/** Argo's {@code SuppliedValueFrom}. */
public record SuppliedValueFrom() {}
