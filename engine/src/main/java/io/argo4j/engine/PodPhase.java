package io.argo4j.engine;

/** The phase of a pod (or of the local process standing in for one), as Kubernetes reports it. */
public enum PodPhase {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  UNKNOWN
}
