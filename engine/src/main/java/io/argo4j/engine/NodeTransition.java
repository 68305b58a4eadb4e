package io.argo4j.engine;

import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeType;

/**
 * A node that appeared or changed phase during a reconcile, for progress output and events.
 *
 * @param from the previous phase, or null for a new node
 */
public record NodeTransition(
    String nodeId,
    String nodeName,
    String displayName,
    NodeType type,
    NodePhase from,
    NodePhase to,
    String message) {}
