package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/** Shared executors and helpers for the tests: one executor per sandbox mode per test run. */
final class Steps {
  private Steps() {}

  /** Generous: the tests run on small, busy machines. */
  static final Duration WAIT = Duration.ofSeconds(30);

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

  /** A new executor (a "runner") for {@code config}; skips the test if bubblewrap cannot run. */
  static StepExecutor newExecutor(ExecutorConfig config) {
    try {
      return StepExecutor.create(config);
    } catch (ExecutorConfigException ex) {
      Assumptions.abort(ex.getMessage());
      throw new AssertionError(ex);
    }
  }

  static StepResult run(SandboxMode mode, StepSpec spec, Path dir)
      throws IOException, InterruptedException {
    return finish(executor(mode).start(spec, dir));
  }

  static StepResult finish(StepHandle h) throws InterruptedException {
    Optional<StepResult> r = h.awaitExit(WAIT);
    assertThat(r).as("step finished within %s", WAIT).isPresent();
    return r.get();
  }

  /** A path no other test or run uses: a fresh directory name below /tmp. */
  static String scratch() {
    String path = "/tmp/argo4j-test-" + UUID.randomUUID();
    SCRATCH.add(Path.of(path));
    return path;
  }

  /** Scratch paths handed out; what steps without sandbox leave there is removed at exit. */
  private static final Set<Path> SCRATCH = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> SCRATCH.forEach(io.argo4j.executor.internal.Bwrap::deleteTree)));
  }

  /** Reads a file, or "" if it does not exist. */
  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code file} contains {@code text}. */
  static void awaitText(Path file, String text) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> read(file).contains(text));
  }

  /** Waits until the step's log ({@code main.log}) contains {@code text}. */
  static void awaitLog(StepHandle h, String text) {
    awaitText(StepDirectory.of(h.directory()).logFile(), text);
  }
}
