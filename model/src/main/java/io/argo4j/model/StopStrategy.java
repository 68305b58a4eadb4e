package io.argo4j.model;

/** Argo's {@code StopStrategy}. */
public record StopStrategy(String expression) {}
