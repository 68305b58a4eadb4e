package io.argo4j.model;

/** Argo's {@code Event}. */
public record Event(String selector) {}
