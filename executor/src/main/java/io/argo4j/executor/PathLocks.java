package io.argo4j.executor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exclusive use of absolute host paths, for steps that run without a sandbox: two steps that
 * declare overlapping paths (the same path, or one inside the other) never run at once. Requests
 * take all their paths or none, so they cannot deadlock, and a waiting request is served before
 * later ones that conflict with it, so it cannot starve.
 */
public final class PathLocks {

  /** Paths held until {@link #close()}. */
  public interface Lease extends AutoCloseable {
    Set<String> paths();

    /** Releases the paths; idempotent. */
    @Override
    void close();
  }

  private final List<LeaseImpl> held = new ArrayList<>();
  private final Deque<LeaseImpl> waiting = new ArrayDeque<>();

  /**
   * Waits until none of {@code paths} overlaps a held (or earlier requested) path, then takes them.
   */
  public Lease acquire(Collection<String> paths) throws InterruptedException {
    return acquire(paths, null).orElseThrow();
  }

  /** Like {@link #acquire(Collection)}, giving up after {@code timeout} (null: no limit). */
  public synchronized Optional<Lease> acquire(Collection<String> paths, Duration timeout)
      throws InterruptedException {
    LeaseImpl lease = new LeaseImpl(paths);
    if (lease.paths.isEmpty()) {
      return Optional.of(lease);
    }
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    waiting.addLast(lease);
    try {
      while (!grantable(lease)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        if (timeout == null) {
          wait();
        } else {
          wait(Math.max(1, left / 1_000_000));
        }
      }
      held.add(lease);
      return Optional.of(lease);
    } finally {
      waiting.remove(lease);
      notifyAll();
    }
  }

  /** Takes {@code paths} if they are free now. */
  public Optional<Lease> tryAcquire(Collection<String> paths) {
    try {
      return acquire(paths, Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The paths currently held. */
  public synchronized Set<String> held() {
    Set<String> out = new LinkedHashSet<>();
    held.forEach(l -> out.addAll(l.paths));
    return out;
  }

  private boolean grantable(LeaseImpl lease) {
    for (LeaseImpl h : held) {
      if (h.overlaps(lease)) {
        return false;
      }
    }
    for (LeaseImpl w : waiting) {
      if (w == lease) {
        return true;
      }
      if (w.overlaps(lease)) {
        return false;
      }
    }
    return true;
  }

  private synchronized void release(LeaseImpl lease) {
    if (held.remove(lease)) {
      notifyAll();
    }
  }

  /** Whether two absolute paths are the same or one contains the other. */
  static boolean overlap(String a, String b) {
    return a.equals(b) || contains(a, b) || contains(b, a);
  }

  private static boolean contains(String dir, String path) {
    return dir.equals("/") || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
  }

  private final class LeaseImpl implements Lease {
    private final Set<String> paths;

    LeaseImpl(Collection<String> paths) {
      this.paths = Set.copyOf(new LinkedHashSet<>(paths));
    }

    boolean overlaps(LeaseImpl other) {
      for (String a : paths) {
        for (String b : other.paths) {
          if (overlap(a, b)) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public Set<String> paths() {
      return paths;
    }

    @Override
    public void close() {
      release(this);
    }
  }
}
