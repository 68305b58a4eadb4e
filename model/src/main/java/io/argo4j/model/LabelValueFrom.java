package io.argo4j.model;

/** Argo's {@code LabelValueFrom}. */
public record LabelValueFrom(String expression) {}
