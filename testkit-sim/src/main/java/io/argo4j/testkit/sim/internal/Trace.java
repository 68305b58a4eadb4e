package io.argo4j.testkit.sim.internal;

import java.util.ArrayList;
import java.util.List;

/** The readable story of one run: one line per thing that happened, stamped with virtual time. */
public final class Trace {
  private final Scheduler scheduler;
  private final List<String> lines = new ArrayList<>();

  public Trace(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  public void add(String actor, String text) {
    long t = scheduler.now();
    StringBuilder b = new StringBuilder(48 + text.length());
    String secs = Long.toString(t / 1000);
    String millis = Long.toString(1000 + t % 1000).substring(1);
    b.append(" ".repeat(Math.max(0, 6 - secs.length()))).append('+').append(secs).append('.');
    b.append(millis).append("s ").append(actor);
    b.append(" ".repeat(Math.max(1, 11 - actor.length()))).append(text);
    lines.add(b.toString());
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }
}
