package io.argo4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 adapter, and what only a file database has to show. */
class H2WorkflowRepositoryTest extends WorkflowRepositoryContract {

  @TempDir Path stateDirectory;

  @Override
  protected WorkflowRepository newEmptyRepository() {
    return H2WorkflowRepository.open(stateDirectory.resolve("state"));
  }

  @Test
  void reopeningAfterCloseFindsEverything() throws Exception {
    Path directory = stateDirectory.resolve("reopen");
    StoredWorkflow kept;
    StoredWorkflow template;
    long version;
    try (H2WorkflowRepository first = H2WorkflowRepository.open(directory)) {
      StoredWorkflow created =
          first.create(workflow("argo", "kept", 0).withLabels(Map.of("app", "demo")));
      kept =
          first.update(
              created.document().withPhase(WorkflowPhase.SUCCEEDED), created.resourceVersion());
      template =
          first.create(
              WorkflowDocument.of(
                  WorkflowKey.of(WorkflowKind.WORKFLOW_TEMPLATE, "argo", "tpl"), "{}"));
      first.appendEvent(
          new WorkflowEvent(
              kept.uid(), minute(1), null, WorkflowEvent.Type.NORMAL, "WorkflowSucceeded", "ok"));
      first.create(workflow("argo", "gone", 1));
      first.delete(WorkflowKey.workflow("argo", "gone"));
      version = first.currentResourceVersion();
    }

    try (H2WorkflowRepository second = H2WorkflowRepository.open(directory)) {
      assertThat(second.get(kept.key())).contains(kept);
      assertThat(second.get(template.key())).contains(template);
      assertThat(second.get(WorkflowKey.workflow("argo", "gone"))).isEmpty();
      assertThat(second.events(kept.uid())).hasSize(1);
      assertThat(second.currentResourceVersion()).isEqualTo(version);
      assertThat(second.changesSince(null, null, 0, 100).changes()).hasSize(3);
      StoredWorkflow next = second.create(workflow("argo", "next", 2));
      assertThat(next.resourceVersion()).isEqualTo(version + 1);
    }
  }

  @Test
  void closingReleasesEveryH2Thread() throws Exception {
    repository.close();
    try (H2WorkflowRepository store = H2WorkflowRepository.open(stateDirectory.resolve("t"))) {
      store.create(workflow("argo", "wf", 0));
      assertThat(h2Threads()).isNotEmpty();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!h2Threads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(h2Threads()).isEmpty();
  }

  private static List<String> h2Threads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("H2 ") || name.contains("MVStore"))
        .toList();
  }

  @Test
  void theClockAndUidsAreInjectable() throws Exception {
    Instant now = Instant.parse("2030-01-02T03:04:05.678901Z");
    AtomicInteger uids = new AtomicInteger();
    H2StoreOptions options =
        H2StoreOptions.defaults()
            .withClock(InstantSource.fixed(now))
            .withUidGenerator(() -> "uid-" + uids.incrementAndGet());
    try (H2WorkflowRepository store =
        H2WorkflowRepository.open(stateDirectory.resolve("c"), options)) {
      StoredWorkflow stored =
          store.create(WorkflowDocument.of(WorkflowKey.workflow("argo", "wf"), "{}"));
      store.delete(stored.key());

      assertThat(stored.uid()).isEqualTo("uid-1");
      assertThat(stored.creationTimestamp()).isEqualTo(now);
      assertThat(store.changesSince(null, null, 0, 10).changes())
          .singleElement()
          .isEqualTo(
              new WorkflowChange.Deleted(stored.key(), "uid-1", stored.resourceVersion() + 1, now));
    }
  }

  @Test
  void twoRepositoriesOnOneDirectoryInOneProcessShareIt() throws Exception {
    Path directory = stateDirectory.resolve("shared");
    try (H2WorkflowRepository first = H2WorkflowRepository.open(directory)) {
      StoredWorkflow created;
      try (H2WorkflowRepository second = H2WorkflowRepository.open(directory)) {
        created = second.create(workflow("argo", "from-second", 0));
        assertThat(first.get(created.key())).contains(created);
      }
      assertThat(first.get(created.key())).contains(created);
      first.update(created.document(), created.resourceVersion());
    }
  }

  @Test
  void aStoreUpgradedByANewerArgo4jIsRefusedUntouched() throws Exception {
    Path directory = stateDirectory.resolve("newer");
    Path file;
    try (H2WorkflowRepository store = H2WorkflowRepository.open(directory)) {
      file = store.databaseFile();
    }
    String url = "jdbc:h2:file:" + file.toString().replace(".mv.db", "") + ";AUTO_SERVER=TRUE";
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO store_schema_version VALUES (99, 'from the future', CURRENT_TIMESTAMP)");
    }

    assertThatThrownBy(() -> H2WorkflowRepository.open(directory))
        .isInstanceOf(StoreFailureException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer Argo4j");
  }

  @Test
  void aStateDirectoryThatCannotBeCreatedIsReportedWithAdvice() throws Exception {
    Path file = Files.writeString(stateDirectory.resolve("a-file"), "not a directory");

    assertThatThrownBy(() -> H2WorkflowRepository.open(file.resolve("state")))
        .isInstanceOf(StoreFailureException.class)
        .hasMessageContaining(file.resolve("state").toString())
        .hasMessageContaining("--state-dir");
  }

  @Test
  void aClosedRepositoryRefusesWork() {
    H2WorkflowRepository store = H2WorkflowRepository.open(stateDirectory.resolve("closed"));
    store.close();

    assertThatThrownBy(() -> store.get(WorkflowKey.workflow("argo", "wf")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
