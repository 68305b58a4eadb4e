package io.argo4j.engine;

import io.argo4j.engine.locks.LockState;
import java.util.Map;

/**
 * What the runtime observes now.
 *
 * @param pods the pods that exist, by the ID of the node they run
 * @param templates the templates that references may resolve to
 * @param locks what the runtime's lock table says about the locks this workflow claimed, by lock
 *     name ({@link io.argo4j.engine.locks.LockTable#view}); a lock missing here is not granted yet.
 *     Null when the runtime has no lock table: a workflow asking for a mutex or semaphore then
 *     fails with a message saying so, rather than waiting for a grant that cannot come.
 */
public record Observations(
    Map<String, PodObservation> pods, TemplateCatalog templates, Map<String, LockState> locks) {

  public Observations {
    pods = Map.copyOf(pods);
    locks = locks == null ? null : Map.copyOf(locks);
  }

  /** Observations of a runtime without a lock table. */
  public Observations(Map<String, PodObservation> pods, TemplateCatalog templates) {
    this(pods, templates, null);
  }

  public static Observations none(TemplateCatalog templates) {
    return new Observations(Map.of(), templates);
  }

  /** The same observations with the lock table's view of this workflow's locks. */
  public Observations withLocks(Map<String, LockState> view) {
    return new Observations(pods, templates, view);
  }
}
