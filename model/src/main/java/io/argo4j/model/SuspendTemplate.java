package io.argo4j.model;

/** A template that waits, for a duration or until resumed. */
public record SuspendTemplate(String duration) {}
