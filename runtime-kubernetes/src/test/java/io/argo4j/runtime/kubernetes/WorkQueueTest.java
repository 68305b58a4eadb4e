package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.runtime.kubernetes.internal.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final InstantSource clock = now::get;
  private final WorkQueue<String> queue =
      new WorkQueue<>(clock, Duration.ofSeconds(1), Duration.ofSeconds(8));

  @Test
  void aKeyIsHeldOnceAtItsEarliestTime() throws InterruptedException {
    queue.addAt("a", now.get().plusSeconds(10));
    queue.addAt("a", now.get().plusSeconds(5));
    queue.addAt("a", now.get().plusSeconds(20));

    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.dueAt("a")).contains(now.get().plusSeconds(5));
  }

  @Test
  void pollNeverWaitsAndHandsOutOnlyDueKeysEarliestFirst() {
    queue.addAt("later", now.get().plusSeconds(10));
    queue.addAt("sooner", now.get().plusSeconds(5));

    assertThat(queue.poll()).isEmpty();
    assertThat(queue.nextDue()).contains(now.get().plusSeconds(5));
    now.set(now.get().plusSeconds(10));
    assertThat(queue.poll()).contains("sooner");
    assertThat(queue.poll()).contains("later");
    assertThat(queue.poll()).isEmpty();
    assertThat(queue.nextDue()).isEmpty();
  }

  @Test
  void aKeyBeingProcessedIsNotHandedOutAgainUntilDone() throws InterruptedException {
    queue.add("a");
    Optional<String> first = queue.take();
    queue.add("a");
    queue.add("b");

    assertThat(first).contains("a");
    assertThat(queue.take()).contains("b");
    assertThat(queue.dueAt("a")).isPresent();
    queue.done("a");
    assertThat(queue.take()).contains("a");
  }

  @Test
  void failuresBackOffExponentiallyUpToTheCap() throws InterruptedException {
    Instant t0 = now.get();
    queue.addAfterFailure("a");
    assertThat(queue.dueAt("a")).contains(t0.plusSeconds(1));
    queue.addAfterFailure("a");
    queue.addAfterFailure("a");
    queue.addAfterFailure("a");
    queue.addAfterFailure("a");
    now.set(t0.plusSeconds(1));
    assertThat(queue.take()).contains("a");
    queue.done("a");
    queue.addAfterFailure("a");
    assertThat(queue.dueAt("a")).contains(t0.plusSeconds(1).plusSeconds(8));
    queue.forget("a");
    queue.addAfterFailure("a");
    assertThat(queue.dueAt("a")).contains(t0.plusSeconds(2));
  }

  @Test
  void shutdownReleasesWaitingWorkers() throws InterruptedException {
    queue.addAt("later", now.get().plusSeconds(3600));
    Thread t =
        Thread.ofVirtual()
            .start(() -> {
              try {
                assertThat(queue.take()).isEmpty();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    queue.shutdown();
    assertThat(t.join(Duration.ofSeconds(30))).isTrue();
  }
}
