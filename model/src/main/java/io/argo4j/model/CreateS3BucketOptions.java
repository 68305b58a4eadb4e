package io.argo4j.model;

/** Argo's {@code CreateS3BucketOptions}. */
public record CreateS3BucketOptions(Boolean objectLocking) {}
