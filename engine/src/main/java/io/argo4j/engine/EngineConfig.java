package io.argo4j.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the operator that Argo reads from environment variables, with Argo's defaults.
 *
 * @param recentlyStartedPodDuration a pod node whose pod is missing is only declared lost once it
 *     started longer ago than this (Argo's {@code RECENTLY_STARTED_POD_DURATION})
 * @param taskResultTimeout how long after its pod ended a node may wait for the executor's outputs
 *     before it is completed without them ({@code TASK_RESULT_TIMEOUT_DURATION})
 * @param defaultRequeue how soon to look again when waiting on something with no deadline of its
 *     own ({@code DEFAULT_REQUEUE_TIME})
 * @param maxStackDepth the deepest nesting of templates before the workflow errors (recursion
 *     guard)
 * @param transientErrorPattern extra messages that {@code OnTransientError} retries ({@code
 *     TRANSIENT_ERROR_PATTERN})
 */
public record EngineConfig(
    Duration recentlyStartedPodDuration,
    Duration taskResultTimeout,
    Duration defaultRequeue,
    int maxStackDepth,
    Optional<Pattern> transientErrorPattern) {

  public EngineConfig {
    if (maxStackDepth < 1) {
      throw new IllegalArgumentException("maxStackDepth must be positive, was " + maxStackDepth);
    }
  }

  /** Argo's defaults. */
  public static EngineConfig defaults() {
    return new EngineConfig(
        Duration.ofSeconds(10),
        Duration.ofMinutes(10),
        Duration.ofSeconds(10),
        100,
        Optional.empty());
  }

  public EngineConfig withDefaultRequeue(Duration requeue) {
    return new EngineConfig(
        recentlyStartedPodDuration,
        taskResultTimeout,
        requeue,
        maxStackDepth,
        transientErrorPattern);
  }

  public EngineConfig withRecentlyStartedPodDuration(Duration d) {
    return new EngineConfig(
        d, taskResultTimeout, defaultRequeue, maxStackDepth, transientErrorPattern);
  }

  public EngineConfig withTaskResultTimeout(Duration d) {
    return new EngineConfig(
        recentlyStartedPodDuration, d, defaultRequeue, maxStackDepth, transientErrorPattern);
  }
}
