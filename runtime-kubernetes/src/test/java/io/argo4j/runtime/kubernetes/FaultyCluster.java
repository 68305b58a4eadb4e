package io.argo4j.runtime.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link Cluster} and injects API failures by operation name: a number of calls that throw
 * 409 or a server error, or hang until interrupted.
 */
final class FaultyCluster {
  enum Kind {
    CONFLICT,
    ERROR,
    HANG,
    TOO_LARGE
  }

  private record Fault(Kind kind, AtomicInteger remaining) {}

  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);

  /** The next {@code times} calls of {@code operation} (a {@link Cluster} method) fail so. */
  FaultyCluster inject(String operation, Kind kind, int times) {
    faults.put(operation, new Fault(kind, new AtomicInteger(times)));
    return this;
  }

  int injected(String operation) {
    return injected.getOrDefault(operation, new AtomicInteger()).get();
  }

  /** Ends every hang. */
  void release() {
    released.countDown();
  }

  Cluster wrap(Cluster cluster) {
    return (Cluster)
        Proxy.newProxyInstance(
            Cluster.class.getClassLoader(),
            new Class<?>[] {Cluster.class},
            (proxy, method, args) -> {
              Fault f = faults.get(method.getName());
              if (f != null && f.remaining().getAndDecrement() > 0) {
                injected
                    .computeIfAbsent(method.getName(), k -> new AtomicInteger())
                    .incrementAndGet();
                switch (f.kind()) {
                  case CONFLICT ->
                      throw new ClusterException.Conflict(
                          "injected 409 on " + method.getName(), null);
                  case ERROR -> throw new ClusterException("injected 500 on " + method.getName());
                  case HANG -> released.await(); // until interrupted by the deadline, or released
                  case TOO_LARGE ->
                      throw new ClusterException.TooLarge(
                          "injected 413 request entity too large on " + method.getName(), null);
                }
              }
              try {
                return method.invoke(cluster, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
