package io.argo4j.testkit.sim.internal;

import io.argo4j.model.CronWorkflow;
import io.argo4j.model.io.ManifestException;
import io.argo4j.model.io.ManifestReader;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A generated CronWorkflow, in the shape users write it: a schedule every 2 to 5 minutes, a
 * concurrency policy, sometimes a starting deadline, history limits, and a generated workflow as
 * its {@code workflowSpec}. A user suspends it after {@link #suspendAfterMillis} so that the seed
 * comes to rest.
 *
 * @param yaml the CronWorkflow manifest
 * @param cron the parsed CronWorkflow
 * @param behaviours how the pods of its runs behave, by template name
 * @param suspendAfterMillis when the user suspends it, after its creation
 */
public record CronWorkload(
    String yaml,
    CronWorkflow cron,
    Map<String, TemplateBehaviour> behaviours,
    long suspendAfterMillis) {

  static final String NAME = "sim-cron";

  private static final String[] SCHEDULES = {"*/2 * * * *", "*/3 * * * *", "*/5 * * * *"};
  private static final String[] POLICIES = {"Allow", "Forbid", "Replace"};

  public CronWorkload {
    behaviours = Map.copyOf(behaviours);
  }

  static CronWorkload generate(RandomGenerator rng, WorkloadGenerator workflows) {
    Workload run = workflows.generate(NAME);
    String spec = run.yaml().substring(run.yaml().indexOf("\nspec:\n") + "\nspec:\n".length());
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: ")
        .append(NAME)
        .append("\nspec:\n  schedules: [\"")
        .append(SCHEDULES[rng.nextInt(SCHEDULES.length)])
        .append("\"]\n  concurrencyPolicy: ")
        .append(POLICIES[rng.nextInt(POLICIES.length)])
        .append('\n');
    if (rng.nextDouble() < 0.3) {
      y.append("  startingDeadlineSeconds: ").append(30 + rng.nextInt(270)).append('\n');
    }
    y.append("  successfulJobsHistoryLimit: ").append(1 + rng.nextInt(3)).append('\n');
    y.append("  failedJobsHistoryLimit: 1\n  workflowSpec:\n");
    for (String line : spec.split("\n", -1)) {
      if (!line.isEmpty()) {
        y.append("  ").append(line).append('\n');
      }
    }
    String yaml = y.toString();
    CronWorkflow cron;
    try {
      cron = ManifestReader.strict().read(yaml, NAME + ".yaml").requireOne(CronWorkflow.class);
    } catch (ManifestException e) {
      throw new IllegalArgumentException(
          "generated CronWorkflow does not parse: " + e.getMessage() + "\n" + yaml, e);
    }
    return new CronWorkload(yaml, cron, run.behaviours(), (15 + rng.nextInt(45)) * 60_000L);
  }

  /** Whether a given manifest is a CronWorkflow (it then runs as the seed's CronWorkflow). */
  static boolean isCronWorkflow(String yaml) {
    return yaml.contains("kind: CronWorkflow");
  }

  /** A given CronWorkflow (named {@value #NAME}), suspended by the user after 30 minutes. */
  static CronWorkload of(String yaml) {
    CronWorkflow cron;
    try {
      cron = ManifestReader.strict().read(yaml, "cron.yaml").requireOne(CronWorkflow.class);
    } catch (ManifestException e) {
      throw new IllegalArgumentException("CronWorkflow does not parse: " + e.getMessage(), e);
    }
    if (!NAME.equals(cron.metadata().getName())) {
      throw new IllegalArgumentException(
          "a simulated CronWorkflow must be named " + NAME + ", not " + cron.metadata().getName());
    }
    return new CronWorkload(yaml, cron, Map.of(), 30 * 60_000L);
  }

  /** The CronWorkflow a run belongs to, from the run's name ({@code <cron>-<unix seconds>}). */
  static String cronOf(String workflow) {
    int dash = workflow.lastIndexOf('-');
    return dash > 0 && workflow.substring(dash + 1).chars().allMatch(Character::isDigit)
        ? workflow.substring(0, dash)
        : workflow;
  }
}
