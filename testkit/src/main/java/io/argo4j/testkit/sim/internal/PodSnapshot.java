package io.argo4j.testkit.sim.internal;

import io.argo4j.engine.PodObservation;

/** An immutable copy of a pod, as a watch event or a list carries it. */
public record PodSnapshot(
    String podName, String nodeId, String workflow, PodObservation observation, long rv) {}
