package io.argo4j.model;

/** Which events a WorkflowEventBinding matches and what it submits. */
public record WorkflowEventBindingSpec(Event event, Submit submit) {}
