package io.argo4j.testkit.sim;

/** Features of generated workflows that a sweep can leave out (to isolate an open engine bug). */
public enum WorkloadFeature {
  /** Workflow-level and template-level {@code parallelism}. */
  PARALLELISM,
  /** {@code retryStrategy.backoff}. */
  RETRY_BACKOFF,
  /** {@code hooks.exit} on DAG tasks. */
  TASK_EXIT_HOOKS,
  /** Workflow-level and template-level mutexes and semaphores shared across workflows. */
  LOCKS,
  /** A CronWorkflow (in some seeds) beside the workflows, run by the real cron reconciler. */
  CRON
}
