package io.argo4j.engine.locks;

import java.util.List;

/**
 * What the lock table says about one lock, given to the engine in {@link
 * io.argo4j.engine.Observations#locks()}.
 *
 * @param limit how many holders it allows (1 for a mutex), or 0 when unknown
 * @param holders who holds it now, in the order they got it
 * @param error why the lock cannot be used (e.g. the ConfigMap giving its limit is missing), or
 *     null
 */
public record LockState(int limit, List<String> holders, String error) {

  public LockState {
    holders = List.copyOf(holders);
  }

  /** Whether a holder key holds it. */
  public boolean heldBy(String holder) {
    return holders.contains(holder);
  }

  /** Free permits (never negative, even when a lowered limit left extra holders). */
  public int available() {
    return Math.max(0, limit - holders.size());
  }
}
