package io.argo4j.model;

/** Lets a step or task count as done when it failed or errored. */
public record ContinueOn(Boolean error, Boolean failed) {}
