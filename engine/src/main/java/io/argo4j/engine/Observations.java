package io.argo4j.engine;

import io.argo4j.engine.locks.LockState;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
    pods = sortedCopy(pods);
    locks = locks == null ? null : sortedCopy(locks);
  }

  /**
   * An immutable copy in key order. {@code Map.copyOf} would iterate in an order that changes from
   * one JVM run to the next, and the engine acts on pods in iteration order (stopping leftovers):
   * the same observations must give the same plan, or a simulated seed would not replay alike.
   */
  private static <V> Map<String, V> sortedCopy(Map<String, V> m) {
    TreeMap<String, V> copy = new TreeMap<>();
    m.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
    return Collections.unmodifiableSortedMap(copy);
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
