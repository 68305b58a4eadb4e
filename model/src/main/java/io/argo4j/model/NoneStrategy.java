package io.argo4j.model;

/** Argo's {@code NoneStrategy}. */
public record NoneStrategy() {}
