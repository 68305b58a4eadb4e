package io.argo4j.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerHandoverTest {
  @TempDir Path dir;

  @Test
  void aWorkflowHandedToALiveProcessIsPendingUntilThatProcessEnds() throws Exception {
    Process runner = new ProcessBuilder("sleep", "30").start();
    try {
      RunnerHandover.record(dir, runner.toHandle());
      assertThat(RunnerHandover.pending(dir)).isTrue();
    } finally {
      runner.destroyForcibly();
      runner.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(RunnerHandover.pending(dir)).isFalse();
  }

  @Test
  void theProcessItWasHandedToMayTakeIt() throws Exception {
    RunnerHandover.record(dir, ProcessHandle.current());

    assertThat(RunnerHandover.pending(dir)).isFalse();
  }

  @Test
  void noFileOrADamagedOneNeverBlocksRecovery() throws Exception {
    assertThat(RunnerHandover.pending(dir)).isFalse();

    Files.writeString(dir.resolve(RunnerHandover.FILE_NAME), "not a pid\n");
    assertThat(RunnerHandover.pending(dir)).isFalse();

    Files.writeString(dir.resolve(RunnerHandover.FILE_NAME), "x 12\n");
    assertThat(RunnerHandover.pending(dir)).isFalse();

    long alive = ProcessHandle.current().parent().orElseThrow().pid();
    Files.writeString(dir.resolve(RunnerHandover.FILE_NAME), alive + " noon\n");
    assertThat(RunnerHandover.pending(dir)).isFalse();
  }

  @Test
  void aReusedPidWithAnotherStartTimeDoesNotCount() throws Exception {
    Process other = new ProcessBuilder("sleep", "30").start();
    try {
      Files.writeString(dir.resolve(RunnerHandover.FILE_NAME), other.pid() + " 1000\n");
      assertThat(RunnerHandover.pending(dir)).isFalse();
    } finally {
      other.destroyForcibly();
      other.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
