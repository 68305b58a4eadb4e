package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.WorkflowPhase;
import io.argo4j.testkit.kube.PodScript;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A lock record can keep a holder whose release was lost (a failed call, a controller that died in
 * between). A grant refused by such a record removes the holder once the server shows its workflow
 * gone; when that removal fails too, the table adopts the holder, and it must still be let go long
 * before the next resync's sweep (soak seed 1001581).
 */
class LockRecordLeftoverTest {
  private static final String LOCK = KubeTestBed.NS + "/Mutex/leftover";

  @Test
  void aLeftoverHolderWhoseRemovalFailsIsLetGoWithoutWaitingForTheSweep() {
    FaultyCluster faults = new FaultyCluster();
    try (KubeTestBed bed = new KubeTestBed()) {
      // the record names a workflow that no longer exists
      new Fabric8Cluster(bed.client, KubeTestBed.NS, Duration.ofSeconds(5))
          .writeLockRecord(
              LockRecord.empty(KubeTestBed.NS, LOCK)
                  .withHolders(List.of(KubeTestBed.NS + "/gone")));
      // the first removal of it from the record fails
      faults.inject("writeLockRecord", FaultyCluster.Kind.ERROR, 1);
      // the sweep would clear the record at the first resync (20 minutes): far beyond this test
      bed.startController(KubeTestBed.fastConfig(), faults);
      bed.kubelet.onNode("^leftover-", PodScript.succeed().runningFor(Duration.ofMillis(200)));

      bed.submit(
          """
          apiVersion: argoproj.io/v1alpha1
          kind: Workflow
          metadata:
            name: leftover-1
          spec:
            entrypoint: main
            synchronization:
              mutexes: [{name: leftover}]
            templates:
            - name: main
              container: {image: busybox, command: [sleep, "1"]}
          """);

      assertThat(bed.awaitCompleted("leftover-1").status().phase())
          .isEqualTo(WorkflowPhase.SUCCEEDED);
      assertThat(faults.injected("writeLockRecord")).isEqualTo(1);
      Awaitility.await()
          .atMost(KubeTestBed.WAIT)
          .untilAsserted(() -> assertThat(bed.controller().lockHolders()).doesNotContainKey(LOCK));
    }
  }
}
