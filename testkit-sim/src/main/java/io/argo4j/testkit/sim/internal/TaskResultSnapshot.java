package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.ReportedOutputs;

/** Argo's WorkflowTaskResult: what the executor reported for a node, named after the node ID. */
public record TaskResultSnapshot(
    String nodeId, String workflow, ReportedOutputs outputs, long rv) {}
