package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutexes and semaphores a workflow or template must hold to run.
 *
 * @param mutexes the mutexes (Argo 3.6 and later)
 * @param semaphores the semaphores (Argo 3.6 and later)
 * @param mutex the single mutex of Argo 3.5 and before, still accepted
 * @param semaphore the single semaphore of Argo 3.5 and before, still accepted
 */
public record Synchronization(
    List<Mutex> mutexes, List<SemaphoreRef> semaphores, Mutex mutex, SemaphoreRef semaphore) {

  /** Copies collections so that the record stays immutable. */
  public Synchronization {
    mutexes = Immutables.list(mutexes);
    semaphores = Immutables.list(semaphores);
  }

  /** The lists of Argo 3.6 and later. */
  public Synchronization(List<Mutex> mutexes, List<SemaphoreRef> semaphores) {
    this(mutexes, semaphores, null, null);
  }

  /** Every mutex, the legacy single one last. */
  public List<Mutex> allMutexes() {
    List<Mutex> all = new ArrayList<>();
    if (mutexes != null) {
      all.addAll(mutexes);
    }
    if (mutex != null) {
      all.add(mutex);
    }
    return all;
  }

  /** Every semaphore, the legacy single one last. */
  public List<SemaphoreRef> allSemaphores() {
    List<SemaphoreRef> all = new ArrayList<>();
    if (semaphores != null) {
      all.addAll(semaphores);
    }
    if (semaphore != null) {
      all.add(semaphore);
    }
    return all;
  }
}
