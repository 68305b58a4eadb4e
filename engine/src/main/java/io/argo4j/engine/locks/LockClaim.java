package io.argo4j.engine.locks;

import java.time.Instant;
import java.util.Objects;

/**
 * One lock a workflow holds or waits for, as the engine declares it in {@link
 * io.argo4j.engine.Plan#lockClaims()}. A plan lists every claim of its workflow; a lock no longer
 * claimed is released (or its waiter leaves the queue).
 *
 * @param lock the lock
 * @param holder who holds it: {@code <namespace>/<workflow>} for a workflow-level lock, {@code
 *     <namespace>/<workflow>/<nodeId>} for a template-level one
 * @param priority the workflow's {@code spec.priority} (higher goes first)
 * @param created the workflow's creation time (earlier goes first among equal priorities)
 * @param since when the holder started waiting (earlier goes first within one workflow)
 * @param held whether the workflow's status records the lock as held (so a rebuilt table and the
 *     workflow agree after a restart)
 */
public record LockClaim(
    LockName lock, String holder, int priority, Instant created, Instant since, boolean held) {

  public LockClaim {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(since, "since");
  }
}
