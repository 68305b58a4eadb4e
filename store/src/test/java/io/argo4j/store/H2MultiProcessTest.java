package io.argo4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs on one state directory, as when {@code argo4j run} writes while {@code argo4j get
 * --watch} reads: each sees the other's writes, either may exit or be killed, and no acknowledged
 * write is lost.
 */
@Timeout(300)
class H2MultiProcessTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @TempDir Path temp;

  @Test
  void twoProcessesWriteAndWatchOneStoreAtOnce() throws Exception {
    Path state = temp.resolve("state");
    int each = 40;
    // Both open a new directory at the same moment: both run the schema migration.
    try (ChildJvm child = ChildJvm.start(temp, "write", state.toString(), "child", "" + each);
        H2WorkflowRepository store = H2WorkflowRepository.open(state)) {
      Map<String, WorkflowChange> watched = new HashMap<>();
      List<Long> watchedVersions = new ArrayList<>();
      long from = 0;
      List<Long> childVersions = new ArrayList<>();
      boolean childDone = false;
      int written = 0;
      while (written < each || !childDone) {
        if (written < each) {
          StoredWorkflow created =
              store.create(
                  WorkflowDocument.of(WorkflowKey.workflow("argo", "parent-" + written), "{}")
                      .withLabels(Map.of("writer", "parent")));
          store.update(
              created.document().withPhase(WorkflowPhase.SUCCEEDED), created.resourceVersion());
          written++;
        } else {
          Thread.sleep(20);
        }
        for (Optional<String> line = child.pollLine(); line.isPresent(); line = child.pollLine()) {
          if (line.get().equals("DONE")) {
            childDone = true;
          } else {
            childVersions.add(Long.parseLong(line.get().split(" ")[2]));
          }
        }
        ChangeBatch batch = store.changesSince(WorkflowKind.WORKFLOW, "argo", from, 1000);
        for (WorkflowChange change : batch.changes()) {
          watched.put(change.key().name(), change);
          watchedVersions.add(change.resourceVersion());
        }
        from = batch.resourceVersion();
      }
      assertThat(child.awaitExit(PATIENCE)).as(child.stderr()).isZero();
      ChangeBatch last = store.changesSince(WorkflowKind.WORKFLOW, "argo", from, 1000);
      last.changes().forEach(change -> watched.put(change.key().name(), change));
      last.changes().forEach(change -> watchedVersions.add(change.resourceVersion()));

      assertThat(childVersions).hasSize(each).isSorted();
      assertThat(watchedVersions).isSorted().doesNotHaveDuplicates();
      assertThat(watched).hasSize(2 * each);
      WorkflowPage children =
          store.list(
              WorkflowQuery.of(WorkflowKind.WORKFLOW, "argo")
                  .withLabelSelector(LabelSelector.parse("writer=child"))
                  .withCompletion(WorkflowQuery.Completion.COMPLETED));
      assertThat(children.items()).hasSize(each);
      for (StoredWorkflow workflow : children.items()) {
        assertThat(store.events(workflow.uid())).hasSize(1);
      }
    }
  }

  @Test
  void aReaderCarriesOnWhenTheServingProcessExits() throws Exception {
    Path state = temp.resolve("state");
    try (ChildJvm server = ChildJvm.start(temp, "serve", state.toString())) {
      server.awaitLine("READY"::equals, PATIENCE);
      try (H2WorkflowRepository store = H2WorkflowRepository.open(state)) {
        assertThat(store.get(WorkflowKey.workflow("argo", "served-by-child"))).isPresent();
        store.create(WorkflowDocument.of(WorkflowKey.workflow("argo", "from-parent"), "{}"));

        server.send("close");
        server.awaitLine("CLOSED"::equals, PATIENCE);
        assertThat(server.awaitExit(PATIENCE)).isZero();

        // This process now opens the file itself and serves it.
        store.create(WorkflowDocument.of(WorkflowKey.workflow("argo", "after-exit"), "{}"));
        assertThat(namesIn(store))
            .containsExactlyInAnyOrder("served-by-child", "from-parent", "after-exit");

        try (ChildJvm client = ChildJvm.start(temp, "serve", state.toString())) {
          client.awaitLine("READY"::equals, PATIENCE);
          store.create(WorkflowDocument.of(WorkflowKey.workflow("argo", "with-client"), "{}"));
          client.send("close");
          assertThat(client.awaitExit(PATIENCE)).isZero();
        }
        assertThat(namesIn(store)).hasSize(4);
      }
    }
  }

  @Test
  void aReaderCarriesOnWhenTheServingProcessIsKilled() throws Exception {
    Path state = temp.resolve("state");
    try (ChildJvm server = ChildJvm.start(temp, "serve", state.toString())) {
      server.awaitLine("READY"::equals, PATIENCE);
      try (H2WorkflowRepository store = H2WorkflowRepository.open(state)) {
        store.create(WorkflowDocument.of(WorkflowKey.workflow("argo", "before-kill"), "{}"));

        server.kill();

        assertThat(store.get(WorkflowKey.workflow("argo", "before-kill"))).isPresent();
        store.create(WorkflowDocument.of(WorkflowKey.workflow("argo", "after-kill"), "{}"));
        assertThat(namesIn(store))
            .containsExactlyInAnyOrder("served-by-child", "before-kill", "after-kill");
      }
    }
  }

  @Test
  void aProcessKilledWhileWritingLosesNoAcknowledgedWrite() throws Exception {
    Path state = temp.resolve("state");
    for (int round = 1; round <= 3; round++) {
      int lastAck;
      try (ChildJvm writer = ChildJvm.start(temp, "hammer", state.toString(), "r" + round)) {
        // Kill it at a different point of its write loop each round.
        writer.awaitLine(("ACK " + (20 + 7 * round))::equals, PATIENCE);
        writer.kill();
        lastAck = 20 + 7 * round;
        for (String line : writer.remainingLines()) {
          lastAck = Math.max(lastAck, Integer.parseInt(line.substring("ACK ".length())));
        }
      }

      try (H2WorkflowRepository store = H2WorkflowRepository.open(state)) {
        StoredWorkflow counter = store.get(WorkflowKey.workflow("argo", "counter")).orElseThrow();
        assertThat(counter.labels()).containsEntry("round", "r" + round);
        int n = Integer.parseInt(counter.labels().get("n"));
        assertThat(n).as("counter after ACK %s", lastAck).isBetween(lastAck, lastAck + 1);
        assertThat(counter.json()).startsWith("{\"round\":\"r" + round + "\",\"n\":" + n + ",");
        Set<String> names = namesIn(store).stream().collect(Collectors.toSet());
        for (int i = 1; i <= lastAck; i++) {
          assertThat(names).contains("wf-r" + round + "-" + i);
        }
      }
    }
  }

  private static List<String> namesIn(WorkflowRepository store) throws InvalidQueryException {
    return store.list(WorkflowQuery.of(WorkflowKind.WORKFLOW, "argo")).items().stream()
        .map(w -> w.key().name())
        .toList();
  }
}
