package io.argo4j.runtime.local;

import io.argo4j.engine.EngineConfig;
import io.argo4j.executor.ExecutorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link LocalRuntime} runs workflows.
 *
 * @param stateDirectory where the store, the step directories and the logs live
 * @param clock the time the engine sees
 * @param engine the engine's settings
 * @param executor how steps run (sandbox, image map)
 * @param stopGrace time between SIGTERM and SIGKILL when a step is stopped
 * @param pollInterval how often a runner looks for changes made by other processes ({@code argo4j
 *     stop}, {@code argo4j delete})
 */
public record LocalRuntimeConfig(
    Path stateDirectory,
    InstantSource clock,
    EngineConfig engine,
    ExecutorConfig executor,
    Duration stopGrace,
    Duration pollInterval) {

  public LocalRuntimeConfig {
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /** Defaults: system clock, Argo's engine settings, a 10 s stop grace, polling twice a second. */
  public static LocalRuntimeConfig of(Path stateDirectory, ExecutorConfig executor) {
    return new LocalRuntimeConfig(
        stateDirectory,
        InstantSource.system(),
        EngineConfig.defaults(),
        executor,
        Duration.ofSeconds(10),
        Duration.ofMillis(500));
  }

  public LocalRuntimeConfig withStopGrace(Duration grace) {
    return new LocalRuntimeConfig(stateDirectory, clock, engine, executor, grace, pollInterval);
  }

  public LocalRuntimeConfig withEngine(EngineConfig newEngine) {
    return new LocalRuntimeConfig(
        stateDirectory, clock, newEngine, executor, stopGrace, pollInterval);
  }

  /**
   * The state directory to use: {@code explicit} when given ({@code --state-dir}), else {@code
   * $ARGO4J_HOME}, else {@code ~/.argo4j}.
   */
  public static Path defaultStateDirectory(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return explicit.toAbsolutePath();
    }
    String home = env.get("ARGO4J_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath();
    }
    String userHome = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(userHome, ".argo4j");
  }
}
