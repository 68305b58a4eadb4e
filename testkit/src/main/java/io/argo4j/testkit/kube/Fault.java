package io.argo4j.testkit.kube;

/** What can go wrong with a simulated pod, chosen per pod through its {@link PodScript}. */
public enum Fault {
  /** The main container is killed by the kernel: exit code 137, reason OOMKilled. */
  OOM_KILL,
  /** The main image cannot be pulled: the pod stays Pending with ImagePullBackOff. */
  IMAGE_PULL_FAILURE,
  /**
   * The executor creates its task result with {@code report-outputs-completed=false} and never
   * completes it (for example the API server is unreachable from the node).
   */
  EXECUTOR_NEVER_REPORTS,
  /** The executor ignores the stop request annotation; only deletion ends the pod. */
  HUNG_SIGNAL,
  /** The main container never exits by itself. */
  RUN_FOREVER
}
