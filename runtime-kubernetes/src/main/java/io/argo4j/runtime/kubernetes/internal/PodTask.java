package io.argo4j.runtime.kubernetes.internal;

/** Work on one pod that happens later than the reconcile that decided it. Keyed by value. */
public sealed interface PodTask {
  String namespace();

  String podName();

  /** The pod was asked to stop and its grace period is over: delete it (the kubelet kills it). */
  record Kill(String namespace, String podName) implements PodTask {}

  /** podGC: remove the finalizer and delete the pod. */
  record Delete(String namespace, String podName) implements PodTask {}

  /**
   * The pod's deletion was requested long ago and its status was never captured (node lost,
   * controller down): remove the finalizer so it can go.
   */
  record ReleaseDeleted(String namespace, String podName) implements PodTask {}
}
