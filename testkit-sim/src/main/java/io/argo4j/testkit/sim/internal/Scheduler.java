package io.argo4j.testkit.sim.internal;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The single scheduler thread's agenda and the virtual clock: events run one at a time, in time
 * order, ties broken by the order they were scheduled. Nothing in the simulation reads a real
 * clock.
 */
public final class Scheduler {
  /** Where simulated time starts. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Event> agenda = new PriorityQueue<>();
  private long now;
  private long seq;

  /** Simulated milliseconds since {@link #EPOCH}. */
  public long now() {
    return now;
  }

  /** The true time (the kubelets' and the API server's clock). */
  public Instant instant() {
    return EPOCH.plusMillis(now);
  }

  public void at(long when, Runnable action) {
    agenda.add(new Event(Math.max(when, now), seq++, action));
  }

  public void after(long delayMillis, Runnable action) {
    at(now + Math.max(0, delayMillis), action);
  }

  /** When the next event is due, or Long.MAX_VALUE. */
  public long nextDue() {
    Event e = agenda.peek();
    return e == null ? Long.MAX_VALUE : e.at;
  }

  /** Moves the clock to {@code when} (never backwards). */
  public void advanceTo(long when) {
    if (when > now) {
      now = when;
    }
  }

  /** Runs the next event if it is due at or before the current time. */
  public boolean runDue() {
    Event e = agenda.peek();
    if (e == null || e.at > now) {
      return false;
    }
    agenda.poll();
    e.action.run();
    return true;
  }
}
