package io.argo4j.model;

/** Whether deleting one artifact succeeded, and the error if it did not. */
public record ArtifactResult(String name, Boolean success, String error) {}
