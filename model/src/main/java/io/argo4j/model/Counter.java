package io.argo4j.model;

/** Argo's {@code Counter}. */
public record Counter(String value) {}
