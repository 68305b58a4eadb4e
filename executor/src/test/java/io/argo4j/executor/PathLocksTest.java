package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathLocksTest {
  private final PathLocks locks = new PathLocks();

  @Test
  void theSamePathCannotBeHeldTwice() {
    try (PathLocks.Lease a = locks.tryAcquire(List.of("/tmp/x")).orElseThrow()) {
      assertThat(locks.tryAcquire(List.of("/tmp/x"))).isEmpty();
      assertThat(a.paths()).containsExactly("/tmp/x");
    }
    assertThat(locks.tryAcquire(List.of("/tmp/x"))).isPresent();
  }

  @Test
  void aPathInsideAHeldDirectoryConflictsAndASiblingDoesNot() {
    PathLocks.Lease held = locks.tryAcquire(List.of("/tmp/dir")).orElseThrow();

    assertThat(locks.tryAcquire(List.of("/tmp/dir/file"))).isEmpty();
    assertThat(locks.tryAcquire(List.of("/tmp"))).isEmpty();
    assertThat(locks.tryAcquire(List.of("/tmp/dir2"))).isPresent();
    held.close();
  }

  @Test
  void aRequestTakesAllItsPathsOrNone() {
    PathLocks.Lease held = locks.tryAcquire(List.of("/b")).orElseThrow();

    assertThat(locks.tryAcquire(List.of("/a", "/b"))).isEmpty();
    assertThat(locks.held()).containsExactly("/b");
    held.close();
    held.close(); // idempotent
    assertThat(locks.held()).isEmpty();
  }

  @Test
  void waitingGivesUpAfterTheTimeout() throws Exception {
    PathLocks.Lease held = locks.tryAcquire(List.of("/a")).orElseThrow();

    assertThat(locks.acquire(List.of("/a"), Duration.ofMillis(50))).isEmpty();
    held.close();
  }

  @Test
  void noPathsNeverWait() throws Exception {
    locks.tryAcquire(List.of("/a")).orElseThrow();

    assertThat(locks.acquire(List.of())).isNotNull();
  }
}
