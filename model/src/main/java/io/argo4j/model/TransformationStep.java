package io.argo4j.model;

/** Argo's {@code TransformationStep}. */
public record TransformationStep(String expression) {}
