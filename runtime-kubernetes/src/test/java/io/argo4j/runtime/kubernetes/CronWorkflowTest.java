package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.argo4j.model.CronWorkflow;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.runtime.kubernetes.internal.CronReconciler;
import io.argo4j.runtime.kubernetes.internal.CronSchedule;
import io.argo4j.testkit.kube.Fault;
import io.argo4j.testkit.kube.PodScript;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CronWorkflows, with the cron reconciler driven by a test clock (the controller's own cron loop is
 * off in the test bed) while the controller runs the workflows it starts.
 */
class CronWorkflowTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private KubeTestBed bed;
  private Fabric8Cluster cluster;
  private CronReconciler crons;

  @BeforeEach
  void start() {
    bed = KubeTestBed.shared();
    cluster = new Fabric8Cluster(bed.client, KubeTestBed.NS, Duration.ofSeconds(10));
    cluster.start(key -> {});
    crons = new CronReconciler(cluster);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private void createCron(String name, String policy, String extra) {
    createCron(name, policy, extra, "lastScheduledTime: \"" + T0.minusSeconds(30) + "\"");
  }

  /** A CronWorkflow with {@code extra} in its spec and {@code status} (null for none). */
  private void createCron(String name, String policy, String extra, String status) {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: CronWorkflow
        metadata:
          name: %s
        spec:
          schedules: ["* * * * *"]
          concurrencyPolicy: %s
          %s
          workflowSpec:
            entrypoint: main
            templates:
              - name: main
                container: {image: busybox, command: [sleep, "600"]}
        """
                .formatted(name, policy, extra)
            + (status == null ? "" : "status:\n  " + status + "\n");
    GenericKubernetesResource r =
        bed.client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    bed.client
        .genericKubernetesResources(Fabric8Cluster.CRON_WORKFLOWS)
        .inNamespace(KubeTestBed.NS)
        .resource(r)
        .create();
  }

  private List<String> runsOf(String cron) {
    return cluster
        .cachedWorkflowsLabelled(KubeTestBed.NS, CronReconciler.LABEL_CRON_WORKFLOW, cron)
        .stream()
        .map(w -> w.metadata().getName())
        .sorted()
        .toList();
  }

  private String runName(String cron, Instant tick) {
    return cron + "-" + tick.getEpochSecond();
  }

  @Test
  void forbidSkipsWhileARunIsActiveAndIsNotBlockedByARunWhosePodVanished() {
    bed.kubelet.onNode("^cron-forbid-", PodScript.succeed().with(Fault.RUN_FOREVER));
    createCron("cron-forbid", "Forbid", "");

    crons.sync(T0.plusSeconds(5));
    String first = runName("cron-forbid", T0);
    await().atMost(KubeTestBed.WAIT).until(() -> runsOf("cron-forbid").equals(List.of(first)));
    Pod pod = bed.awaitPod("^" + first + "$", "Running");

    crons.sync(T0.plusSeconds(65));
    assertThat(crons.forbidden()).isEqualTo(1);
    assertThat(runsOf("cron-forbid")).containsExactly(first);

    bed.kubelet.forceDeletePod(pod.getMetadata().getName());
    assertThat(bed.awaitCompleted(first).status().phase())
        .isIn(WorkflowPhase.ERROR, WorkflowPhase.FAILED);
    await()
        .atMost(KubeTestBed.WAIT)
        .until(() ->
            cluster
                .cachedWorkflowsLabelled(
                    KubeTestBed.NS, CronReconciler.LABEL_CRON_WORKFLOW, "cron-forbid")
                .stream()
                .allMatch(w ->
                    w.status() != null
                        && w.status().phase() != null
                        && w.status().phase().isCompleted()));

    crons.sync(T0.plusSeconds(125));
    // the informer cache shows the new run once its watch event arrives
    List<String> expected = List.of(first, runName("cron-forbid", T0.plusSeconds(120)));
    await().atMost(KubeTestBed.WAIT).until(() -> runsOf("cron-forbid").equals(expected));
    assertThat(crons.forbidden()).isEqualTo(1);
  }

  @Test
  void replaceTerminatesTheActiveRunAndStartsTheNext() {
    bed.kubelet.onNode("^cron-replace-", PodScript.succeed().with(Fault.RUN_FOREVER));
    createCron("cron-replace", "Replace", "");

    crons.sync(T0.plusSeconds(5));
    String first = runName("cron-replace", T0);
    bed.awaitPod("^" + first + "$", "Running");
    await().atMost(KubeTestBed.WAIT).until(() -> runsOf("cron-replace").contains(first));

    crons.sync(T0.plusSeconds(65));

    Workflow replaced = bed.awaitCompleted(first);
    assertThat(replaced.spec().shutdown()).isEqualTo("Terminate");
    assertThat(replaced.status().phase()).isNotEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(bed.workflow(runName("cron-replace", T0.plusSeconds(60)))).isNotNull();
  }

  @Test
  void aTickPastTheStartingDeadlineIsSkippedAndOneTickRunsOnce() {
    createCron("cron-deadline", "Allow", "startingDeadlineSeconds: 10");

    crons.sync(T0.plusSeconds(45)); // the T0 tick is 45 s old: missed
    assertThat(bed.workflow(runName("cron-deadline", T0))).isNull();

    crons.sync(T0.plusSeconds(62));
    crons.sync(T0.plusSeconds(63)); // the same tick again: no second run
    await().atMost(KubeTestBed.WAIT).until(() -> runsOf("cron-deadline").size() == 1);
    assertThat(runsOf("cron-deadline"))
        .containsExactly(runName("cron-deadline", T0.plusSeconds(60)));
  }

  private CronWorkflow cron(String name) {
    return cluster.listCronWorkflows().stream()
        .filter(c -> c.metadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void whenDecidesEachTickAndOnlyARunMovesLastScheduledTime() {
    // upstream's cron-when.yaml: at most one run in 6 minutes
    createCron(
        "cron-when",
        "Allow",
        "when: \"{{= cronworkflow.lastScheduledTime == nil"
            + " || (now() - cronworkflow.lastScheduledTime).Seconds() > 360 }}\"",
        null);

    crons.sync(T0.plusSeconds(5)); // never run before: runs
    String first = runName("cron-when", T0);
    await().atMost(KubeTestBed.WAIT).until(() -> runsOf("cron-when").equals(List.of(first)));
    crons.sync(T0.plusSeconds(65)); // 65 s after the last run: skipped
    crons.sync(T0.plusSeconds(66)); // the same tick again: still skipped, not run late
    assertThat(cron("cron-when").status().lastScheduledTime()).isEqualTo(T0);

    crons.sync(T0.plusSeconds(425)); // 425 s after the last run: the 00:07 tick runs
    String second = runName("cron-when", T0.plusSeconds(420));
    await()
        .atMost(KubeTestBed.WAIT)
        .until(() -> runsOf("cron-when").equals(List.of(first, second)));
    assertThat(cron("cron-when").status().lastScheduledTime()).isEqualTo(T0.plusSeconds(420));
    assertThat(cron("cron-when").status().phase()).isEqualTo("Active");
  }

  @Test
  void aWhenThatDoesNotParseSkipsTheTickAndSaysWhyInTheStatus() {
    createCron("cron-bad-when", "Allow", "when: \"{{= 1 + }}\"", null);

    crons.sync(T0.plusSeconds(5));

    CronWorkflow c = cron("cron-bad-when");
    assertThat(c.status().conditions())
        .anySatisfy(cond -> {
          assertThat(cond.type()).isEqualTo("SpecError");
          assertThat(cond.message()).startsWith("spec.when: ");
        });
    assertThat(bed.workflow(runName("cron-bad-when", T0))).isNull();
  }

  @Test
  void stopStrategyStopsTheCronOnceItsFailuresAreCounted() {
    bed.kubelet.onNode("^cron-stop-", PodScript.exit(1));
    createCron("cron-stop", "Allow", "stopStrategy: {expression: \"cronworkflow.failed >= 1\"}");

    crons.sync(T0.plusSeconds(5));
    String first = runName("cron-stop", T0);
    await().atMost(KubeTestBed.WAIT).until(() -> runsOf("cron-stop").equals(List.of(first)));
    assertThat(bed.awaitCompleted(first).status().phase()).isEqualTo(WorkflowPhase.FAILED);
    await()
        .atMost(KubeTestBed.WAIT)
        .until(() ->
            cluster
                .cachedWorkflowsLabelled(
                    KubeTestBed.NS, CronReconciler.LABEL_CRON_WORKFLOW, "cron-stop")
                .stream()
                .allMatch(w ->
                    w.status() != null
                        && w.status().phase() != null
                        && w.status().phase().isCompleted()));

    crons.sync(T0.plusSeconds(65)); // counts the failed run: the strategy holds, no new run
    crons.sync(T0.plusSeconds(125));

    CronWorkflow c = cron("cron-stop");
    assertThat(c.status().failed()).isEqualTo(1L);
    assertThat(c.status().phase()).isEqualTo("Stopped");
    assertThat(runsOf("cron-stop")).containsExactly(first);
  }

  @Test
  void schedulesHonourTheirTimeZoneAndNicknames() {
    CronSchedule ny = CronSchedule.parse(List.of("30 2 * * *"), "America/New_York");
    assertThat(ny.nextTick(Instant.parse("2030-01-01T00:00:00Z")))
        .contains(Instant.parse("2030-01-01T07:30:00Z"));
    CronSchedule two = CronSchedule.parse(List.of("@hourly", "15 * * * *"), null);
    assertThat(
            two.latestTick(
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:20:00Z")))
        .contains(Instant.parse("2030-01-01T00:15:00Z"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CronSchedule.parse(List.of("@every 5m"), null))
        .hasMessageContaining("not supported yet");
  }
}
