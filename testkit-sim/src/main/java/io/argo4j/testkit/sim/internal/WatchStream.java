package io.argo4j.testkit.sim.internal;

import io.argo4j.testkit.sim.FaultKind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Carries the API server's events to the controller's current informer. Normally each object's
 * events arrive in order after a short lag; faults make them lag far behind, arrive twice, arrive
 * as an older version after a newer one, get lost, or break the watch (the informer relists).
 */
public final class WatchStream implements ApiServer.Listener {
  private final Scheduler scheduler;
  private final FaultPlan faults;
  private final RandomGenerator rng;
  private final Supplier<Informer> informer;
  private final Runnable relist;
  private final Map<String, Long> lastDelivery = new HashMap<>();
  private final Map<String, WatchEvent> lastEvent = new HashMap<>();

  public WatchStream(
      Scheduler scheduler, FaultPlan faults, Supplier<Informer> informer, Runnable relist) {
    this.scheduler = scheduler;
    this.faults = faults;
    this.rng = faults.rng();
    this.informer = informer;
    this.relist = relist;
  }

  @Override
  public void onEvent(WatchEvent e) {
    Informer target = informer.get();
    if (target == null) {
      return;
    }
    String key = e.getClass().getSimpleName() + "/" + e.key();
    WatchEvent previous = lastEvent.put(key, e);
    if (faults.decide(FaultKind.WATCH_EVENT_LOST)) {
      faults.injected(FaultKind.WATCH_EVENT_LOST, key + "@" + e.rv());
      return;
    }
    long lag = 5 + rng.nextLong(300);
    if (faults.decide(FaultKind.WATCH_LAG_SPIKE)) {
      lag = 5_000 + rng.nextLong(55_000);
      faults.injected(
          FaultKind.WATCH_LAG_SPIKE, key + "@" + e.rv() + " arrives " + lag + "ms late");
    }
    long at = Math.max(scheduler.now() + lag, lastDelivery.getOrDefault(key, 0L));
    lastDelivery.put(key, at);
    deliver(target, e, at, false);
    if (faults.decide(FaultKind.WATCH_EVENT_DUPLICATED)) {
      faults.injected(FaultKind.WATCH_EVENT_DUPLICATED, key + "@" + e.rv());
      deliver(target, e, at + 1 + rng.nextLong(1_000), false);
    }
    if (previous != null && faults.decide(FaultKind.WATCH_EVENT_REORDERED)) {
      faults.injected(
          FaultKind.WATCH_EVENT_REORDERED,
          key + "@" + previous.rv() + " replayed after @" + e.rv());
      deliver(target, previous, at + 1 + rng.nextLong(2_000), true);
    }
    if (faults.decide(FaultKind.WATCH_DISCONNECT)) {
      faults.injected(FaultKind.WATCH_DISCONNECT, "watch broken, relisting");
      scheduler.after(
          1_000 + rng.nextLong(10_000),
          () -> {
            if (informer.get() == target) {
              relist.run();
            }
          });
    }
  }

  private void deliver(Informer target, WatchEvent e, long at, boolean replay) {
    scheduler.at(
        at,
        () -> {
          if (informer.get() == target) {
            target.apply(e, replay);
          }
        });
  }
}
