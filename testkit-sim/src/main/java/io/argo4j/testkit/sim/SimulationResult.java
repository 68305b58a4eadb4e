package io.argo4j.testkit.sim;

import io.argo4j.model.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one seed.
 *
 * @param seed the seed
 * @param violations broken invariants (empty when the run was correct)
 * @param trace what happened, one line per event, in virtual time
 * @param faults faults that took effect, by kind
 * @param reconciles engine reconciles
 * @param podsCreated pods created
 * @param statusWrites status writes attempted
 * @param workflowMillis simulated time from submission to completion, summed over workflows
 * @param reexecutions pods re-created for a node whose earlier pod had started unseen
 * @param manifests the workflows that ran, as submitted
 * @param workflows the workflows as the API server held them at the end
 */
public record SimulationResult(
    long seed,
    List<Violation> violations,
    List<String> trace,
    Map<FaultKind, Long> faults,
    long reconciles,
    long podsCreated,
    long statusWrites,
    long workflowMillis,
    long reexecutions,
    List<String> manifests,
    List<Workflow> workflows) {

  public SimulationResult {
    violations = List.copyOf(violations);
    trace = List.copyOf(trace);
    faults = Map.copyOf(faults);
    manifests = List.copyOf(manifests);
    workflows = List.copyOf(workflows);
  }

  /** The final state of the workflow named {@code name}. */
  public Workflow workflow(String name) {
    return workflows.stream()
        .filter(w -> w.metadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no workflow " + name));
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  /** The one-line command that replays this seed. */
  public String reproduction() {
    return "./build -o -pl testkit-sim -am verify -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dtest=SimulationSeedsTest#replaySeed -Dargo4j.sim.seed="
        + seed;
  }

  /** A report for a failing seed: the command, the violations and the trace that led to them. */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append("seed ").append(seed).append(ok() ? " passed" : " FAILED").append('\n');
    b.append("reproduce: ").append(reproduction()).append('\n');
    for (Violation v : violations) {
      b.append("violation: ").append(v).append('\n');
    }
    b.append("faults: ").append(faults).append('\n');
    if (!ok()) {
      for (String m : manifests) {
        b.append("---\n").append(m);
      }
    }
    b.append("trace (").append(trace.size()).append(" events):\n");
    int head = Math.min(trace.size(), 200);
    int tail = Math.max(head, trace.size() - 200);
    for (String line : trace.subList(0, head)) {
      b.append(line).append('\n');
    }
    if (tail > head) {
      b.append("  ... ").append(tail - head).append(" events omitted (replay the seed for all)\n");
    }
    for (String line : trace.subList(tail, trace.size())) {
      b.append(line).append('\n');
    }
    return b.toString();
  }
}
