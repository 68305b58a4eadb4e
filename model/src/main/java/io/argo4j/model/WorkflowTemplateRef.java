package io.argo4j.model;

/** A reference to a whole WorkflowTemplate or ClusterWorkflowTemplate. */
public record WorkflowTemplateRef(String name, Boolean clusterScope) {}
