package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** Shared executors and helpers for the tests: one executor per sandbox mode per test run. */
final class Steps {
  private Steps() {}

  static final Duration WAIT = Duration.ofSeconds(20);

  private static final Map<SandboxMode, Object> EXECUTORS = new EnumMap<>(SandboxMode.class);

  /** The runner's environment without ARGO4J_* settings, so a developer's config is not read. */
  static Map<String, String> hostEnv() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("ARGO4J_"));
    return env;
  }

  static ExecutorConfig.Builder config(SandboxMode mode) {
    return ExecutorConfig.builder()
        .sandbox(mode)
        .images(ImageMap.builtIn())
        .hostEnvironment(hostEnv())
        .killTimeout(Duration.ofSeconds(2))
        .runnerGoneGrace(Duration.ofSeconds(1));
  }

  /** The shared executor for {@code mode}; skips the test when bubblewrap cannot run here. */
  static synchronized StepExecutor executor(SandboxMode mode) {
    Object e = EXECUTORS.get(mode);
    if (e == null) {
      try {
        e = StepExecutor.create(config(mode).build());
      } catch (ExecutorConfigException ex) {
        e = ex.getMessage();
      }
      EXECUTORS.put(mode, e);
    }
    if (e instanceof String reason) {
      Assumptions.abort(reason);
    }
    return (StepExecutor) e;
  }

  static StepResult run(SandboxMode mode, StepSpec spec, Path dir)
      throws IOException, InterruptedException {
    StepHandle h = executor(mode).start(spec, dir);
    Optional<StepResult> r = h.awaitExit(WAIT);
    assertThat(r).as("step finished within %s", WAIT).isPresent();
    return r.get();
  }

  /** A path no other test or run uses: a fresh directory name below /tmp. */
  static String scratch() {
    return "/tmp/argo4j-test-" + UUID.randomUUID();
  }

  /** Waits until {@code file} contains {@code text} (bounded). */
  static void awaitText(Path file, String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(file + " never contained " + text);
  }
}
