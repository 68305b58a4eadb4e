package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step's end is seen while the common ForkJoinPool is busy: the JDK completes {@code
 * Process.onExit()} on that pool, and a runner that relied on it saw steps end only when whatever
 * blocked the pool let go (a minute later, in the contract suite).
 */
class BusyCommonPoolTest {
  @TempDir Path tmp;

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch blocked =
      new CountDownLatch(ForkJoinPool.getCommonPoolParallelism());

  /** Every worker of the common pool waits until the test is over. */
  @BeforeEach
  void blockTheCommonPool() throws InterruptedException {
    for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
      ForkJoinPool.commonPool()
          .execute(() -> {
            blocked.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    assertThat(blocked.await(10, TimeUnit.SECONDS)).as("common pool blocked").isTrue();
  }

  @AfterEach
  void releaseTheCommonPool() {
    release.countDown();
  }

  @Test
  void aStartedStepEndsWhileTheCommonPoolIsBlocked() throws Exception {
    StepHandle h =
        Steps.executor(SandboxMode.NONE)
            .start(
                StepSpec.builder("alpine").command("echo", "hi").captureResult(true).build(),
                tmp.resolve("step"));

    StepResult r = Steps.finish(h);

    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).isEqualTo("hi");
    assertThat(h.onExit()).isCompleted();
  }

  @Test
  void anAttachedStepEndsWhileTheCommonPoolIsBlocked() throws Exception {
    Path dir = tmp.resolve("attached");
    ExecutorConfig outliving = Steps.config(SandboxMode.NONE).stepsOutliveRunner(true).build();
    StepExecutor first = Steps.newExecutor(outliving);
    StepHandle started =
        first.start(
            StepSpec.builder("alpine")
                .command("sh", "-c", "trap 'exit 0' USR1; echo ready; while :; do sleep 0.1; done")
                .build(),
            dir);
    Steps.awaitLog(started, "ready");
    first.close();
    StepExecutor second = Steps.newExecutor(outliving);
    StepHandle h = second.attach(dir).orElseThrow();

    h.signal(StepSignal.USR1);
    StepResult r = Steps.finish(h);

    assertThat(r.exitCode()).isZero();
    second.close();
  }
}
