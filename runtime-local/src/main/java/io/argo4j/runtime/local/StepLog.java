package io.argo4j.runtime.local;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Where the output of one step of a workflow is.
 *
 * @param podName the step's pod name (what {@code argo logs} prefixes lines with)
 * @param nodeId the node the step ran
 * @param displayName the node's display name
 * @param startedAt when the node started, or null
 * @param file the step's combined stdout and stderr; may not exist yet
 */
public record StepLog(
    String podName, String nodeId, String displayName, Instant startedAt, Path file) {}
