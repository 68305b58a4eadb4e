package io.argo4j.executor;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link StepExecutor} runs steps.
 *
 * @param sandbox the sandbox to use, or null to choose: bubblewrap when it passes a start-up probe,
 *     else none (with one warning)
 * @param images how images run on this host
 * @param stepsOutliveRunner false (the default): when the runner's process ends, its steps are
 *     stopped (TERM, then KILL after {@code runnerGoneGrace}) and record why. True: steps keep
 *     running and a restarted runner finds them through {@link StepDirectory} and {@link
 *     StepExecutor#attach}
 * @param runnerGoneGrace time between TERM and KILL when the runner is gone
 * @param killTimeout how long {@link StepHandle#kill()} waits for the wrapper before killing it and
 *     every process below it
 * @param hostEnvironment the runner's environment: where the host PATH, HOME, locale and proxy
 *     variables that steps inherit come from
 * @param clock the clock for the times the runner records
 */
public record ExecutorConfig(
    SandboxMode sandbox,
    ImageMap images,
    boolean stepsOutliveRunner,
    Duration runnerGoneGrace,
    Duration killTimeout,
    Map<String, String> hostEnvironment,
    InstantSource clock) {

  public ExecutorConfig {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(runnerGoneGrace, "runnerGoneGrace");
    Objects.requireNonNull(killTimeout, "killTimeout");
    hostEnvironment = Map.copyOf(hostEnvironment);
    Objects.requireNonNull(clock, "clock");
  }

  /** Defaults: automatic sandbox, built-in images, this process's environment, system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration the environment asks for: {@code ARGO4J_SANDBOX} ({@code bwrap}, {@code none}
   * or {@code auto}) and the image mappings of {@link ImageMap#configFile}.
   */
  public static ExecutorConfig fromEnvironment(Map<String, String> env)
      throws ExecutorConfigException {
    return builder()
        .sandbox(sandboxFrom(env))
        .images(ImageMap.fromEnvironment(env))
        .hostEnvironment(env)
        .build();
  }

  /** Reads {@code ARGO4J_SANDBOX}: null for automatic. */
  public static SandboxMode sandboxFrom(Map<String, String> env) throws ExecutorConfigException {
    String value = env.getOrDefault("ARGO4J_SANDBOX", "").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "auto" -> null;
      case "bwrap", "bubblewrap" -> SandboxMode.BWRAP;
      case "none" -> SandboxMode.NONE;
      default ->
          throw new ExecutorConfigException(
              "ARGO4J_SANDBOX=" + value + ": expected bwrap, none or auto");
    };
  }

  /** Builds an {@link ExecutorConfig}. */
  public static final class Builder {
    private SandboxMode sandbox;
    private ImageMap images = ImageMap.builtIn();
    private boolean stepsOutliveRunner;
    private Duration runnerGoneGrace = Duration.ofSeconds(10);
    private Duration killTimeout = Duration.ofSeconds(2);
    private Map<String, String> hostEnvironment = System.getenv();
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    public Builder sandbox(SandboxMode sandbox) {
      this.sandbox = sandbox;
      return this;
    }

    public Builder images(ImageMap images) {
      this.images = images;
      return this;
    }

    public Builder stepsOutliveRunner(boolean stepsOutliveRunner) {
      this.stepsOutliveRunner = stepsOutliveRunner;
      return this;
    }

    public Builder runnerGoneGrace(Duration runnerGoneGrace) {
      this.runnerGoneGrace = runnerGoneGrace;
      return this;
    }

    public Builder killTimeout(Duration killTimeout) {
      this.killTimeout = killTimeout;
      return this;
    }

    public Builder hostEnvironment(Map<String, String> hostEnvironment) {
      this.hostEnvironment = hostEnvironment;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    public ExecutorConfig build() {
      return new ExecutorConfig(
          sandbox,
          images,
          stepsOutliveRunner,
          runnerGoneGrace,
          killTimeout,
          hostEnvironment,
          clock);
    }
  }
}
