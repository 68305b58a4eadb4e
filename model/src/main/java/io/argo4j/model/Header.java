package io.argo4j.model;

/** Argo's {@code Header}. */
public record Header(String name, String value) {}
