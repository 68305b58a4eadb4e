package io.argo4j.testkit.kube;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a simulated pod behaves: how long its main container runs, how it exits, what its executor
 * reports, and which faults apply.
 *
 * @param runFor how long main runs before it exits by itself
 * @param exitCode main's exit code
 * @param result the step's {@code outputs.result} (stdout), or null
 * @param parameters output parameters the executor reports
 * @param faults faults to inject
 */
public record PodScript(
    Duration runFor,
    int exitCode,
    String result,
    Map<String, String> parameters,
    Set<Fault> faults) {

  public PodScript {
    parameters = Map.copyOf(new LinkedHashMap<>(parameters));
    faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
  }

  /** Runs briefly and exits 0. */
  public static PodScript succeed() {
    return new PodScript(Duration.ofMillis(100), 0, null, Map.of(), Set.of());
  }

  /** Runs briefly and exits with {@code exitCode}. */
  public static PodScript exit(int exitCode) {
    return succeed().withExitCode(exitCode);
  }

  public PodScript withExitCode(int code) {
    return new PodScript(runFor, code, result, parameters, faults);
  }

  public PodScript runningFor(Duration d) {
    return new PodScript(d, exitCode, result, parameters, faults);
  }

  public PodScript withResult(String stdout) {
    return new PodScript(runFor, exitCode, stdout, parameters, faults);
  }

  public PodScript withParameter(String name, String value) {
    Map<String, String> p = new LinkedHashMap<>(parameters);
    p.put(name, value);
    return new PodScript(runFor, exitCode, result, p, faults);
  }

  public PodScript with(Fault fault) {
    Set<Fault> f = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    f.add(fault);
    return new PodScript(runFor, exitCode, result, parameters, f);
  }

  public boolean has(Fault fault) {
    return faults.contains(fault);
  }
}
