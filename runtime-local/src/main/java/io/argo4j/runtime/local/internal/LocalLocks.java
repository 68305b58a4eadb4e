package io.argo4j.runtime.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.engine.locks.HeldLocks;
import io.argo4j.engine.locks.LimitSource;
import io.argo4j.engine.locks.LockClaim;
import io.argo4j.engine.locks.LockName;
import io.argo4j.engine.locks.LockState;
import io.argo4j.engine.locks.LockTable;
import io.argo4j.model.OtherResource;
import io.argo4j.model.Workflow;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The lock table of one argo4j process, shared by all the workflows it runs. Each run reads its
 * view before a reconcile and hands over its plan's claims after persisting; a run granted a lock
 * is woken at once. Semaphore limits come from the ConfigMaps given with the workflows (in their
 * file or in {@code --templates DIR}).
 *
 * <p>Holders recorded in the stored statuses of workflows this process does not run (another
 * process runs them, or nobody has recovered them yet) are read from the store again whenever a run
 * of this process claims a lock, and dropped once the store shows them finished or deleted. So a
 * process never grants a lock another process's workflow is recorded as holding. Exclusion across
 * processes is best effort: two processes that grant the same free lock at the same moment, before
 * either has stored its holding, both run.
 */
public final class LocalLocks {
  private final LockTable table;
  private final Supplier<Collection<Workflow>> unfinished;
  private final Map<String, Runnable> runs = new HashMap<>();
  private final Map<String, JsonNode> configMaps = new HashMap<>();

  /**
   * @param unfinished reads the unfinished workflows of the store, whose statuses say what they
   *     hold
   */
  public LocalLocks(Supplier<Collection<Workflow>> unfinished) {
    this.table = LockTable.rebuild(unfinished.get(), this::limitOf);
    this.unfinished = unfinished;
  }

  /**
   * Registers a run: how to wake it, and the ConfigMaps that came with it (namespace defaulting to
   * the workflow's; a later ConfigMap of a name wins).
   */
  public synchronized void register(
      String namespace, String name, List<OtherResource> withWorkflow, Runnable wake) {
    runs.put(HeldLocks.workflowKey(namespace, name), wake);
    if (!withWorkflow.isEmpty()) {
      for (OtherResource cm : withWorkflow) {
        String ns =
            cm.metadata() == null || cm.metadata().getNamespace() == null
                ? namespace
                : cm.metadata().getNamespace();
        String cmName = cm.metadata() == null ? null : cm.metadata().getName();
        if (cmName != null) {
          JsonNode raw = cm.raw();
          configMaps.put(ns + "/" + cmName, raw == null ? null : raw.get("data"));
        }
      }
      wake(table.refreshLimits());
    }
  }

  /** The table's view of a workflow's locks, for its observations. */
  public synchronized Map<String, LockState> view(String namespace, String name) {
    return table.view(HeldLocks.workflowKey(namespace, name));
  }

  /** Hands over a persisted plan's claims; wakes the runs granted something. */
  public synchronized void update(String namespace, String name, List<LockClaim> claims) {
    Set<String> granted = table.update(HeldLocks.workflowKey(namespace, name), claims);
    wake(granted);
    if (!claims.isEmpty() || hasForeignHolders()) {
      syncForeignHolders();
    }
  }

  /** A run ended (completed, deleted, or this process stops running it): its claims go. */
  public synchronized void finished(String namespace, String name) {
    String key = HeldLocks.workflowKey(namespace, name);
    runs.remove(key);
    wake(table.remove(key));
  }

  /** Who holds what now. */
  public synchronized Map<LockName, List<String>> holders() {
    return table.holders();
  }

  private boolean hasForeignHolders() {
    return table.workflows().stream().anyMatch(k -> !runs.containsKey(k));
  }

  /**
   * Takes in what other processes' workflows are stored as holding; drops what they no longer do.
   */
  private void syncForeignHolders() {
    Map<String, List<LockClaim>> foreign = new HashMap<>();
    for (Workflow wf : unfinished.get()) {
      String key = HeldLocks.workflowKey(wf);
      if (!runs.containsKey(key)) {
        foreign.put(key, HeldLocks.of(wf));
      }
    }
    for (String key : table.workflows()) {
      if (!runs.containsKey(key) && !foreign.containsKey(key)) {
        wake(table.remove(key));
      }
    }
    foreign.forEach((key, held) -> wake(table.update(key, held)));
  }

  private void wake(Set<String> workflowKeys) {
    for (String key : workflowKeys) {
      Runnable wake = runs.get(key);
      if (wake != null) {
        wake.run();
      }
    }
  }

  private LimitSource.Limit limitOf(LockName lock) {
    String cm = lock.namespace() + "/" + lock.resourceName();
    if (!configMaps.containsKey(cm)) {
      return new LimitSource.Limit.Unavailable(
          ((LimitSource.Limit.Unavailable) LimitSource.missingConfigMap(lock)).reason()
              + "; give the ConfigMap in the workflow's file or in --templates DIR");
    }
    JsonNode data = configMaps.get(cm);
    JsonNode value = data == null ? null : data.get(lock.key());
    return LimitSource.parse(lock, value == null || value.isNull() ? null : value.asText());
  }
}
