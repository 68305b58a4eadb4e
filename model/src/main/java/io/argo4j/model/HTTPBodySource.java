package io.argo4j.model;

/** Argo's {@code HTTPBodySource}. */
public record HTTPBodySource(String bytes) {}
