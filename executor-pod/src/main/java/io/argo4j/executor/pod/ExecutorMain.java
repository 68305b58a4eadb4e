package io.argo4j.executor.pod;

import io.argo4j.executor.PodStep;
import io.argo4j.executor.pod.internal.ApiCalls;
import io.argo4j.executor.pod.internal.ApiCalls.ApiCallFailed;
import io.argo4j.executor.pod.internal.PodEnvironment;
import io.argo4j.executor.pod.internal.PodInit;
import io.argo4j.executor.pod.internal.PodWait;
import io.argo4j.executor.pod.internal.TaskResults;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code argo4j-exec}: the executor in workflow pods (see docs/kubernetes.md, "The in-pod
 * executor"). {@code init} prepares the shared volume, {@code wait} reports the step's outputs as a
 * WorkflowTaskResult; {@code resource} and {@code data} are not implemented yet and say so.
 */
@Command(
    name = "argo4j-exec",
    mixinStandardHelpOptions = true,
    description = "The in-pod executor of argo4j: init | wait | resource | data.",
    subcommands = {
      ExecutorMain.Init.class,
      ExecutorMain.Wait.class,
      ExecutorMain.Resource.class,
      ExecutorMain.Data.class
    })
public final class ExecutorMain implements Callable<Integer> {

  /** Where the kubelet reads a container's termination message by default. */
  static final String DEFAULT_TERMINATION_LOG = "/dev/termination-log";

  /** Where the shared volume is, when neither the flag nor the environment says otherwise. */
  public static final String ENV_VAR_RUN = "ARGO4J_VAR_RUN";

  private final Map<String, String> env;
  private final Supplier<KubernetesClient> clients;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param env the environment to read (the process's in a pod)
   * @param clients the API client of {@code wait} (fabric8's in-cluster configuration in a pod)
   */
  public ExecutorMain(
      Map<String, String> env,
      Supplier<KubernetesClient> clients,
      PrintStream out,
      PrintStream err) {
    this.env = env;
    this.clients = clients;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int code =
        new ExecutorMain(
                System.getenv(),
                () -> new KubernetesClientBuilder().build(),
                System.out,
                System.err)
            .execute(args);
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. */
  public int execute(String... args) {
    CommandLine cl =
        new CommandLine(this)
            .setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8))
            .setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8))
            .registerConverter(Duration.class, new DurationConverter());
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    err.println("argo4j-exec: name a command: init, wait, resource or data (--help)");
    return 2;
  }

  /** Options every command has. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.ParentCommand ExecutorMain main;

    @Option(
        names = "--var-run",
        description = "the shared volume (default: $" + ENV_VAR_RUN + ", else /var/run/argo4j)")
    Path varRun;

    @Option(
        names = "--termination-log",
        description =
            "where a failure's message goes (default /dev/termination-log, if the kubelet made it)")
    Path terminationLog;

    Path varRun() {
      if (varRun != null) {
        return varRun;
      }
      String fromEnv = main.env.get(ENV_VAR_RUN);
      return Path.of(fromEnv == null || fromEnv.isBlank() ? PodLayout.VAR_RUN : fromEnv);
    }

    /** Prints and records a failure; returns {@code code}. */
    int fail(String command, String message, int code) {
      main.err.println("argo4j-exec " + command + ": " + message);
      // In a pod the kubelet provides the file; elsewhere it is written only when asked for.
      Path log = terminationLog;
      if (log == null && Files.isRegularFile(Path.of(DEFAULT_TERMINATION_LOG))) {
        log = Path.of(DEFAULT_TERMINATION_LOG);
      }
      if (log != null) {
        try {
          Files.writeString(log, message, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
          main.err.println("argo4j-exec: cannot write the termination log " + log + ": " + e);
        }
      }
      return code;
    }
  }

  @Command(
      name = "init",
      description = "Places the wrapper, script and raw inputs; prepares the step.")
  static final class Init extends Base {
    @Override
    public Integer call() {
      try {
        PodEnvironment env = PodEnvironment.from(main.env);
        PodInit.run(env, varRun());
        return 0;
      } catch (IllegalArgumentException e) {
        return fail("init", e.getMessage(), 1);
      } catch (IOException e) {
        return fail("init", "cannot write " + varRun() + ": " + e, 1);
      }
    }
  }

  @Command(name = "wait", description = "Reports the step's outputs as a WorkflowTaskResult.")
  static final class Wait extends Base {
    @Option(names = "--annotations", description = "the downward API annotations file")
    Path annotations = Path.of(PodLayout.ANNOTATIONS_FILE);

    @Option(names = "--poll", description = "how often to look at the step (default 1s)")
    Duration poll = Duration.ofSeconds(1);

    @Option(names = "--kill-after", description = "KILL this long after TERM (default 10s)")
    Duration killAfter = Duration.ofSeconds(10);

    @Option(
        names = "--lost-after",
        description = "a wrapper silent this long without exit code is lost (default 30s)")
    Duration lostAfter = Duration.ofSeconds(30);

    @Option(names = "--api-timeout", description = "deadline of each API call (default 30s)")
    Duration apiTimeout = Duration.ofSeconds(30);

    @Option(
        names = "--api-budget",
        description = "how long one write is retried before giving up (default 5m)")
    Duration apiBudget = Duration.ofMinutes(5);

    @Option(names = "--api-backoff", description = "first retry delay, doubled up to 10s")
    Duration apiBackoff = Duration.ofMillis(200);

    @Option(
        names = "--term-grace",
        description =
            "on SIGTERM (pod deleted), keep going this long to report the step's end (default 20s)")
    Duration termGrace = Duration.ofSeconds(20);

    @Override
    public Integer call() {
      // When the pod is deleted the kubelet sends TERM to every container at once: the wrapper
      // forwards it to the command, which records its exit code at once. Hold the JVM's shutdown
      // (bounded) so that this report still reaches the API server.
      CountDownLatch finished = new CountDownLatch(1);
      Thread hold =
          new Thread(
              () -> {
                try {
                  finished.await(termGrace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "argo4j-exec-term-grace");
      Runtime.getRuntime().addShutdownHook(hold);
      try {
        return report();
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hold);
        } catch (IllegalStateException e) {
          // already shutting down: the hook ends now that the report is done
        }
      }
    }

    private int report() {
      PodEnvironment env;
      try {
        env = PodEnvironment.from(main.env);
      } catch (IllegalArgumentException e) {
        return fail("wait", e.getMessage(), 1);
      }
      ApiCalls.Policy policy =
          new ApiCalls.Policy(
              apiTimeout, apiBackoff, max(apiBackoff, Duration.ofSeconds(10)), apiBudget);
      try (KubernetesClient client = main.clients.get();
          ApiCalls calls = new ApiCalls(policy)) {
        TaskResults results = new TaskResults(client, calls, env);
        PodWait.Outcome outcome =
            new PodWait(
                    new PodWait.Settings(
                        varRun(), annotations, poll, killAfter, lostAfter, Clock.systemUTC()),
                    env,
                    results,
                    main.out)
                .run();
        if (outcome.exitCode() != 0) {
          return fail("wait", outcome.message(), outcome.exitCode());
        }
        return 0;
      } catch (ApiCallFailed e) {
        return fail("wait", e.getMessage(), 1);
      } catch (IllegalArgumentException e) {
        return fail("wait", e.getMessage(), 1);
      } catch (IOException e) {
        return fail("wait", "cannot read the step directory: " + e, 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail("wait", "interrupted", 1);
      }
    }

    private static Duration max(Duration a, Duration b) {
      return a.compareTo(b) > 0 ? a : b;
    }
  }

  /** A template kind the executor itself would run, which it cannot yet. */
  abstract static class NotYet extends Base {
    abstract String kind();

    @Override
    public Integer call() {
      String message =
          kind()
              + " templates are not implemented yet by argo4j's in-pod executor (argo4j-exec "
              + kind()
              + "); run the workflow with Argo's executor or express the step as a container"
              + " template";
      Path stepDir = Path.of(PodLayout.stepDir(varRun().toString()));
      if (Files.isDirectory(stepDir)) {
        try {
          PodStep.recordFailure(stepDir, message, Clock.systemUTC().instant());
        } catch (IOException e) {
          main.err.println("argo4j-exec " + kind() + ": cannot record the failure: " + e);
        }
      }
      return fail(kind(), message, 1);
    }
  }

  @Command(name = "resource", description = "Not implemented yet: fails, saying so.")
  static final class Resource extends NotYet {
    @Override
    String kind() {
      return "resource";
    }
  }

  @Command(name = "data", description = "Not implemented yet: fails, saying so.")
  static final class Data extends NotYet {
    @Override
    String kind() {
      return "data";
    }
  }

  /** Go-style durations: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("([0-9]+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      Matcher m = FORM.matcher(value.trim());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration such as 500ms, 2s, 5m or 1h");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }
}
