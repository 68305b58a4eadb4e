package io.argo4j.executor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both kinds of waiter see a child end (JDK 21 to 23 use the platform one). */
class ProcessExitsTest {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aChildsEndIsSeen(boolean onVirtualThread) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "exit 3").start();

    CompletableFuture<Void> exited = ProcessExits.of(p, onVirtualThread);

    exited.get(30, TimeUnit.SECONDS);
    assertThat(p.exitValue()).isEqualTo(3);
  }

  @Test
  void aProcessHandleIsPolledToItsEnd() throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "sleep 0.3").start();

    CompletableFuture<Void> exited = ProcessExits.of(p.toHandle());

    exited.get(30, TimeUnit.SECONDS);
    assertThat(p.toHandle().isAlive()).isFalse();
  }
}
