package io.argo4j.model;

/** Argo's {@code OAuth2EndpointParam}. */
public record OAuth2EndpointParam(String key, String value) {}
