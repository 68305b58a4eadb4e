package io.argo4j.testkit.kube;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a simulated pod's main container for real, where a {@link PodScript} only plays a scripted
 * outcome. The {@link KubeletSimulator} still drives the pod's phases, container statuses and task
 * result; the program decides how and when main ends, and what it outputs.
 */
public interface PodProgram {

  /**
   * Starts the pod's work once the kubelet has made it Running. Must not block: the simulator calls
   * it on its only thread.
   */
  Run start(Pod pod);

  /** One started pod. */
  interface Run {
    /** Completes when main has ended, with how it ended; never completes exceptionally. */
    CompletableFuture<PodOutcome> outcome();

    /**
     * Stops the work at once: the pod is being deleted or its executor was told to stop, and the
     * simulator has already ended the pod. Must not block.
     */
    void stop();
  }
}
