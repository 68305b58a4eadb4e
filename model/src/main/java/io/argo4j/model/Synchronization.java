package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.List;

/** Mutexes and semaphores a workflow or template must hold to run. */
public record Synchronization(List<Mutex> mutexes, List<SemaphoreRef> semaphores) {

  /** Copies collections so that the record stays immutable. */
  public Synchronization {
    mutexes = Immutables.list(mutexes);
    semaphores = Immutables.list(semaphores);
  }
}
