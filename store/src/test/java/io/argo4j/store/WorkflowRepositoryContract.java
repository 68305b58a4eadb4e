package io.argo4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link WorkflowRepository} adapter must have. An adapter's test extends this
 * class and implements {@link #newEmptyRepository()}; the suite closes what it opens.
 *
 * <p>Creation times are given explicitly wherever order matters, so the suite does not depend on an
 * adapter's clock. Names are lowercase ASCII wherever the expected order is computed in Java, so
 * that a database's collation cannot change the answer.
 */
public abstract class WorkflowRepositoryContract {

  /** A base time for documents; tests add minutes to it to order them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  protected WorkflowRepository repository;

  /** A repository holding nothing, for the exclusive use of one test. */
  protected abstract WorkflowRepository newEmptyRepository() throws Exception;

  @BeforeEach
  void openRepository() throws Exception {
    repository = newEmptyRepository();
  }

  @AfterEach
  void closeRepository() {
    if (repository != null) {
      repository.close();
    }
  }

  // ---------------------------------------------------------------- fixtures

  protected static Instant minute(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  protected static WorkflowDocument workflow(String namespace, String name, int createdMinute) {
    return WorkflowDocument.of(
            WorkflowKey.workflow(namespace, name),
            "{\"metadata\":{\"namespace\":\"" + namespace + "\",\"name\":\"" + name + "\"}}")
        .withCreationTimestamp(minute(createdMinute));
  }

  protected StoredWorkflow create(WorkflowDocument document) throws AlreadyExistsException {
    return repository.create(document);
  }

  private List<String> names(WorkflowPage page) {
    return page.items().stream().map(w -> w.key().name()).toList();
  }

  private List<String> namesOf(WorkflowQuery query) throws InvalidQueryException {
    return names(repository.list(query));
  }

  private static WorkflowQuery workflowsIn(String namespace) {
    return WorkflowQuery.of(WorkflowKind.WORKFLOW, namespace);
  }

  private static WorkflowQuery allWorkflows() {
    return WorkflowQuery.inAllNamespaces(WorkflowKind.WORKFLOW);
  }

  // ---------------------------------------------------------------- create and get

  @Test
  void createAssignsUidCreationTimeAndAResourceVersion() throws Exception {
    StoredWorkflow stored =
        repository.create(WorkflowDocument.of(WorkflowKey.workflow("argo", "hello"), "{}"));

    assertThat(stored.uid()).isNotBlank();
    assertThat(stored.creationTimestamp()).isNotNull();
    assertThat(stored.resourceVersion()).isPositive();
    assertThat(repository.get(WorkflowKey.workflow("argo", "hello"))).contains(stored);
  }

  @Test
  void createKeepsEveryFieldItIsGiven() throws Exception {
    WorkflowDocument document =
        workflow("argo", "full", 0)
            .withUid("0b6d9a4e-5e3f-4c1e-9a53-0f9a7c2d1e11")
            .withPhase(WorkflowPhase.RUNNING)
            .withLabels(Map.of("app", "demo", "empty", ""))
            .withStartedAt(minute(1).plusNanos(123_456_000))
            .withFinishedAt(minute(2))
            .withJson("{\"spec\":{\"entrypoint\":\"main\"}}");

    StoredWorkflow stored = repository.create(document);

    assertThat(stored.document()).isEqualTo(document);
    assertThat(repository.get(document.key())).contains(stored);
    assertThat(repository.getByUid("0b6d9a4e-5e3f-4c1e-9a53-0f9a7c2d1e11")).contains(stored);
  }

  @Test
  void instantsAreKeptToTheMicrosecond() throws Exception {
    Instant precise = Instant.parse("2026-03-01T10:00:00.123456789Z");
    StoredWorkflow stored =
        repository.create(
            workflow("argo", "precise", 0).withCreationTimestamp(precise).withStartedAt(precise));

    Instant micros = Instant.parse("2026-03-01T10:00:00.123456Z");
    assertThat(stored.creationTimestamp()).isEqualTo(micros);
    assertThat(repository.get(stored.key()).orElseThrow().startedAt()).isEqualTo(micros);
  }

  @Test
  void creatingATakenNameFailsAndKeepsTheFirstDocument() throws Exception {
    StoredWorkflow first = create(workflow("argo", "taken", 0).withJson("{\"first\":true}"));

    assertThatThrownBy(() -> create(workflow("argo", "taken", 1).withJson("{\"second\":true}")))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("Workflow argo/taken already exists")
        .satisfies(e ->
            assertThat(((AlreadyExistsException) e).key())
                .isEqualTo(WorkflowKey.workflow("argo", "taken")));
    assertThat(repository.get(first.key())).contains(first);
  }

  @Test
  void creatingWithAUidInUseFails() throws Exception {
    StoredWorkflow first = create(workflow("argo", "one", 0));

    assertThatThrownBy(() -> create(workflow("argo", "two", 0).withUid(first.uid())))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining(first.uid())
        .hasMessageContaining("Workflow argo/one");
    assertThat(repository.get(WorkflowKey.workflow("argo", "two"))).isEmpty();
  }

  @Test
  void theSameNameMayExistInAnotherNamespaceOrKind() throws Exception {
    create(workflow("argo", "same", 0));
    create(workflow("other", "same", 0));
    repository.create(
        WorkflowDocument.of(WorkflowKey.of(WorkflowKind.WORKFLOW_TEMPLATE, "argo", "same"), "{}"));
    repository.create(
        WorkflowDocument.of(WorkflowKey.of(WorkflowKind.CRON_WORKFLOW, "argo", "same"), "{}"));

    assertThat(repository.get(WorkflowKey.of(WorkflowKind.WORKFLOW_TEMPLATE, "argo", "same")))
        .isPresent();
    assertThat(namesOf(allWorkflows())).containsExactlyInAnyOrder("same", "same");
    assertThat(namesOf(WorkflowQuery.of(WorkflowKind.CRON_WORKFLOW, "argo")))
        .containsExactly("same");
  }

  @Test
  void clusterScopedDocumentsLiveInTheEmptyNamespace() throws Exception {
    WorkflowKey key = WorkflowKey.clusterScoped(WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, "shared");
    StoredWorkflow stored = repository.create(WorkflowDocument.of(key, "{}"));

    assertThat(repository.get(key)).contains(stored);
    assertThat(repository.latest(WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE, "")).contains(stored);
    assertThat(
            names(
                repository.list(
                    WorkflowQuery.inAllNamespaces(WorkflowKind.CLUSTER_WORKFLOW_TEMPLATE))))
        .containsExactly("shared");
  }

  @Test
  void getOfAnUnknownDocumentIsEmpty() {
    assertThat(repository.get(WorkflowKey.workflow("argo", "nothing"))).isEmpty();
    assertThat(repository.getByUid("no-such-uid")).isEmpty();
    assertThat(repository.latest(WorkflowKind.WORKFLOW, "argo")).isEmpty();
  }

  // ---------------------------------------------------------------- update

  @Test
  void updateAtTheCurrentVersionReplacesTheDocument() throws Exception {
    StoredWorkflow created =
        create(workflow("argo", "wf", 0).withLabels(Map.of("keep", "1", "drop", "x")));

    WorkflowDocument changed =
        created
            .document()
            .withPhase(WorkflowPhase.SUCCEEDED)
            .withLabels(Map.of("keep", "2", "added", "y"))
            .withStartedAt(minute(1))
            .withFinishedAt(minute(3))
            .withJson("{\"status\":{\"phase\":\"Succeeded\"}}");
    StoredWorkflow updated = repository.update(changed, created.resourceVersion());

    assertThat(updated.resourceVersion()).isGreaterThan(created.resourceVersion());
    assertThat(updated.document()).isEqualTo(changed);
    assertThat(repository.get(created.key())).contains(updated);
    assertThat(namesOf(allWorkflows().withLabelSelector(LabelSelector.parse("drop")))).isEmpty();
    assertThat(namesOf(allWorkflows().withLabelSelector(LabelSelector.parse("keep=2,added=y"))))
        .containsExactly("wf");
  }

  @Test
  void updateWithoutUidOrCreationTimeKeepsTheStoredOnes() throws Exception {
    StoredWorkflow created = create(workflow("argo", "wf", 0));

    StoredWorkflow updated =
        repository.update(
            WorkflowDocument.of(created.key(), "{\"v\":2}"), created.resourceVersion());

    assertThat(updated.uid()).isEqualTo(created.uid());
    assertThat(updated.creationTimestamp()).isEqualTo(created.creationTimestamp());
    assertThat(updated.json()).isEqualTo("{\"v\":2}");
  }

  @Test
  void updateAtAStaleVersionFailsWithConflictAndChangesNothing() throws Exception {
    StoredWorkflow created = create(workflow("argo", "wf", 0));
    StoredWorkflow second =
        repository.update(created.document().withJson("{\"v\":2}"), created.resourceVersion());

    assertThatThrownBy(() ->
            repository.update(created.document().withJson("{\"v\":3}"), created.resourceVersion()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.key()).isEqualTo(created.key());
              assertThat(e.expectedResourceVersion()).isEqualTo(created.resourceVersion());
              assertThat(e.actualResourceVersion()).isEqualTo(second.resourceVersion());
            })
        .hasMessageContaining("Workflow argo/wf")
        .hasMessageContaining("read it again");
    assertThat(repository.get(created.key())).contains(second);
  }

  @Test
  void updateOfAnUnknownDocumentFailsWithNotFound() {
    assertThatThrownBy(() -> repository.update(workflow("argo", "ghost", 0), 1))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Workflow argo/ghost");
  }

  @Test
  void updateCannotChangeUidOrCreationTime() throws Exception {
    StoredWorkflow created = create(workflow("argo", "wf", 0));

    assertThatThrownBy(
            () -> repository.update(created.document().withUid("other"), created.resourceVersion()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uid");
    assertThatThrownBy(() ->
            repository.update(
                created.document().withCreationTimestamp(minute(9)), created.resourceVersion()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("created");
    assertThat(repository.get(created.key())).contains(created);
  }

  @Test
  void everyWriteTakesAHigherResourceVersionThanAllBefore() throws Exception {
    long before = repository.currentResourceVersion();
    StoredWorkflow a = create(workflow("argo", "a", 0));
    StoredWorkflow b = create(workflow("other", "b", 0));
    StoredWorkflow a2 = repository.update(a.document(), a.resourceVersion());
    repository.delete(b.key());
    StoredWorkflow c = create(workflow("argo", "c", 0));

    assertThat(List.of(before, a.resourceVersion(), b.resourceVersion(), a2.resourceVersion()))
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(c.resourceVersion()).isGreaterThan(a2.resourceVersion() + 1);
    assertThat(repository.currentResourceVersion()).isEqualTo(c.resourceVersion());
  }

  @Test
  void aReadNeverMixesTwoVersionsOfADocument() throws Exception {
    StoredWorkflow created = create(workflow("argo", "torn", 0).withLabels(Map.of("v", "0")));
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> writes =
          writer.submit(() -> {
            StoredWorkflow current = created;
            for (int v = 1; v <= 150; v++) {
              current =
                  repository.update(
                      current
                          .document()
                          .withLabels(Map.of("v", "" + v))
                          .withJson("{\"v\":" + v + "}"),
                      current.resourceVersion());
            }
            done.set(true);
            return null;
          });
      int reads = 0;
      while (!done.get() || reads < 10) {
        StoredWorkflow read = repository.get(created.key()).orElseThrow();
        String v = read.labels().get("v");
        assertThat(read.json()).isEqualTo(v.equals("0") ? created.json() : "{\"v\":" + v + "}");
        reads++;
      }
      writes.get(1, TimeUnit.MINUTES);
    } finally {
      writer.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- delete

  @Test
  void aDeletedDocumentIsGoneEverywhere() throws Exception {
    StoredWorkflow created = create(workflow("argo", "doomed", 0));

    repository.delete(created.key());

    assertThat(repository.get(created.key())).isEmpty();
    assertThat(repository.getByUid(created.uid())).isEmpty();
    assertThat(namesOf(allWorkflows())).isEmpty();
    assertThat(repository.latest(WorkflowKind.WORKFLOW, "argo")).isEmpty();
    assertThatThrownBy(() -> repository.delete(created.key()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Workflow argo/doomed");
    assertThatThrownBy(() -> repository.update(created.document(), created.resourceVersion()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aNameCanBeReusedAfterDelete() throws Exception {
    StoredWorkflow first = create(workflow("argo", "again", 0).withLabels(Map.of("gen", "1")));
    repository.delete(first.key());

    StoredWorkflow second = create(workflow("argo", "again", 5).withLabels(Map.of("gen", "2")));

    assertThat(second.uid()).isNotEqualTo(first.uid());
    assertThat(repository.get(first.key())).contains(second);
    assertThat(namesOf(allWorkflows().withLabelSelector(LabelSelector.parse("gen=1")))).isEmpty();
  }

  // ---------------------------------------------------------------- list

  @Test
  void listShowsNewestFirstThenNamespaceThenName() throws Exception {
    create(workflow("b", "y", 1));
    create(workflow("a", "z", 1));
    create(workflow("a", "x", 1));
    create(workflow("a", "old", 0));
    create(workflow("a", "new", 2));

    WorkflowPage page = repository.list(allWorkflows());

    assertThat(page.items())
        .extracting(w -> w.key().namespace() + "/" + w.key().name())
        .containsExactly("a/new", "a/x", "a/z", "b/y", "a/old");
    assertThat(page.continueToken()).isEmpty();
    assertThat(page.resourceVersion()).isEqualTo(repository.currentResourceVersion());
  }

  @Test
  void listFiltersByNamespaceAndKind() throws Exception {
    create(workflow("argo", "mine", 0));
    create(workflow("other", "theirs", 0));
    repository.create(
        WorkflowDocument.of(WorkflowKey.of(WorkflowKind.WORKFLOW_TEMPLATE, "argo", "tpl"), "{}"));

    assertThat(namesOf(workflowsIn("argo"))).containsExactly("mine");
    assertThat(namesOf(workflowsIn("nobody"))).isEmpty();
    assertThat(namesOf(allWorkflows())).containsExactlyInAnyOrder("mine", "theirs");
    assertThat(namesOf(WorkflowQuery.of(WorkflowKind.WORKFLOW_TEMPLATE, "argo")))
        .containsExactly("tpl");
  }

  @Test
  void listFiltersByPhaseAndCompletion() throws Exception {
    create(workflow("argo", "unstarted", 0));
    create(workflow("argo", "pending", 1).withPhase(WorkflowPhase.PENDING));
    create(workflow("argo", "running", 2).withPhase(WorkflowPhase.RUNNING));
    create(workflow("argo", "succeeded", 3).withPhase(WorkflowPhase.SUCCEEDED));
    create(workflow("argo", "failed", 4).withPhase(WorkflowPhase.FAILED));
    create(workflow("argo", "error", 5).withPhase(WorkflowPhase.ERROR));

    assertThat(
            namesOf(allWorkflows().withPhases(Set.of(WorkflowPhase.RUNNING, WorkflowPhase.FAILED))))
        .containsExactly("failed", "running");
    assertThat(namesOf(allWorkflows().withCompletion(WorkflowQuery.Completion.COMPLETED)))
        .containsExactly("error", "failed", "succeeded");
    assertThat(namesOf(allWorkflows().withCompletion(WorkflowQuery.Completion.RUNNING)))
        .containsExactly("running", "pending", "unstarted");
    assertThat(
            namesOf(
                allWorkflows()
                    .withCompletion(WorkflowQuery.Completion.RUNNING)
                    .withPhases(Set.of(WorkflowPhase.FAILED))))
        .isEmpty();
  }

  @Test
  void listFiltersByNamePrefixTakingWildcardsLiterally() throws Exception {
    create(workflow("argo", "build-1", 0));
    create(workflow("argo", "build-2", 1));
    create(workflow("argo", "deploy", 2));
    create(workflow("argo", "a_b", 3));
    create(workflow("argo", "axb", 4));
    create(workflow("argo", "50%-done", 5));
    create(workflow("argo", "500-done", 6));

    assertThat(namesOf(allWorkflows().withNamePrefix("build-")))
        .containsExactly("build-2", "build-1");
    assertThat(namesOf(allWorkflows().withNamePrefix("a_"))).containsExactly("a_b");
    assertThat(namesOf(allWorkflows().withNamePrefix("50%"))).containsExactly("50%-done");
    assertThat(namesOf(allWorkflows().withNamePrefix("nope"))).isEmpty();
  }

  @Test
  void listFiltersByCreatedAfterAndFinishedBeforeExclusively() throws Exception {
    create(workflow("argo", "early", 0).withFinishedAt(minute(10)));
    create(workflow("argo", "middle", 5).withFinishedAt(minute(20)));
    create(workflow("argo", "late", 9));

    assertThat(namesOf(allWorkflows().withCreatedAfter(minute(5)))).containsExactly("late");
    assertThat(namesOf(allWorkflows().withCreatedAfter(minute(4))))
        .containsExactly("late", "middle");
    assertThat(namesOf(allWorkflows().withFinishedBefore(minute(20)))).containsExactly("early");
    assertThat(namesOf(allWorkflows().withFinishedBefore(minute(21))))
        .containsExactly("middle", "early");
    assertThat(namesOf(allWorkflows().withCreatedAfter(minute(1)).withFinishedBefore(minute(60))))
        .containsExactly("middle");
  }

  @Test
  void labelSelectorsOfEveryKindSelectAsKubernetesDoes() throws Exception {
    create(workflow("argo", "prod-web", 0).withLabels(Map.of("env", "prod", "tier", "web")));
    create(workflow("argo", "prod-db", 1).withLabels(Map.of("env", "prod", "tier", "db")));
    create(workflow("argo", "dev-web", 2).withLabels(Map.of("env", "dev", "tier", "web")));
    create(workflow("argo", "bare", 3));

    assertThat(selected("env=prod")).containsExactly("prod-db", "prod-web");
    assertThat(selected("env==prod")).containsExactly("prod-db", "prod-web");
    assertThat(selected("env!=prod")).containsExactly("bare", "dev-web");
    assertThat(selected("tier")).containsExactly("dev-web", "prod-db", "prod-web");
    assertThat(selected("!tier")).containsExactly("bare");
    assertThat(selected("tier in (db, cache)")).containsExactly("prod-db");
    assertThat(selected("tier notin (db,cache)")).containsExactly("bare", "dev-web", "prod-web");
    assertThat(selected("env=prod,tier!=db")).containsExactly("prod-web");
    assertThat(selected("env in (prod,dev),tier=web,!missing"))
        .containsExactly("dev-web", "prod-web");
    assertThat(selected("env=staging")).isEmpty();
  }

  private List<String> selected(String selector) throws InvalidQueryException {
    return namesOf(allWorkflows().withLabelSelector(LabelSelector.parse(selector)));
  }

  @Test
  void labelSelectorsAgreeWithInMemoryMatchingOnRandomDocuments() throws Exception {
    Random random = new Random(20260301);
    List<String> keys = List.of("a", "b", "c");
    List<String> values = List.of("1", "2", "3");
    List<StoredWorkflow> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Map<String, String> labels = new HashMap<>();
      for (String key : keys) {
        if (random.nextInt(3) > 0) {
          labels.put(key, values.get(random.nextInt(values.size())));
        }
      }
      all.add(create(workflow("argo", "wf-" + i, i).withLabels(labels)));
    }
    for (int i = 0; i < 150; i++) {
      LabelSelector selector = LabelSelector.everything();
      for (int r = random.nextInt(3) + 1; r > 0; r--) {
        selector = selector.and(randomRequirement(random, keys, values));
      }
      WorkflowQuery query = allWorkflows().withLabelSelector(selector);
      List<String> expected =
          all.reversed().stream().filter(query::matches).map(w -> w.key().name()).toList();
      assertThat(namesOf(query)).as("selector %s", selector).isEqualTo(expected);
      assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
    }
  }

  private static LabelRequirement randomRequirement(
      Random random, List<String> keys, List<String> values) {
    String key = keys.get(random.nextInt(keys.size()));
    String value = values.get(random.nextInt(values.size()));
    Set<String> set = Set.copyOf(List.of(value, values.get(random.nextInt(values.size()))));
    return switch (random.nextInt(6)) {
      case 0 -> new LabelRequirement.Equals(key, value);
      case 1 -> new LabelRequirement.NotEquals(key, value);
      case 2 -> new LabelRequirement.Exists(key);
      case 3 -> new LabelRequirement.DoesNotExist(key);
      case 4 -> new LabelRequirement.In(key, set);
      default -> new LabelRequirement.NotIn(key, set);
    };
  }

  @Test
  void unicodeNamesLabelsAndDocumentsRoundTrip() throws Exception {
    String name = "données-日本語-🚀";
    Map<String, String> labels = Map.of("app.example.com/名前", "値-🚀", "ελληνικά", "ναι");
    String json = "{\"message\":\"héllo wörld ✓ 𝄞 日本\"}";
    StoredWorkflow stored = create(workflow("名前空間", name, 0).withLabels(labels).withJson(json));
    create(workflow("名前空間", "ascii", 1));

    assertThat(repository.get(WorkflowKey.workflow("名前空間", name))).contains(stored);
    assertThat(stored.labels()).isEqualTo(labels);
    assertThat(stored.json()).isEqualTo(json);
    assertThat(namesOf(workflowsIn("名前空間").withNamePrefix("données-日本"))).containsExactly(name);
    assertThat(
            namesOf(
                workflowsIn("名前空間")
                    .withLabelSelector(LabelSelector.parse("app.example.com/名前=値-🚀"))))
        .containsExactly(name);
    assertThat(
            namesOf(
                workflowsIn("名前空間").withLabelSelector(LabelSelector.parse("ελληνικά notin (ναι)"))))
        .containsExactly("ascii");
  }

  @Test
  void aLimitPagesThroughEverythingExactlyOnce() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      create(workflow("ns-" + (i % 3), String.format("wf-%02d", i), i / 2));
    }
    for (StoredWorkflow w : repository.list(allWorkflows()).items()) {
      expected.add(w.key().namespace() + "/" + w.key().name());
    }

    List<String> paged = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    WorkflowQuery query = allWorkflows().withLimit(10);
    while (true) {
      WorkflowPage page = repository.list(query);
      sizes.add(page.items().size());
      page.items().forEach(w -> paged.add(w.key().namespace() + "/" + w.key().name()));
      if (page.continueToken().isEmpty()) {
        break;
      }
      query = query.withContinueToken(page.continueToken().get());
    }

    assertThat(sizes).containsExactly(10, 10, 5);
    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void aPageThatEndsExactlyAtTheLimitHasNoToken() throws Exception {
    for (int i = 0; i < 4; i++) {
      create(workflow("argo", "wf-" + i, i));
    }
    WorkflowPage first = repository.list(allWorkflows().withLimit(2));
    WorkflowPage second =
        repository.list(
            allWorkflows().withLimit(2).withContinueToken(first.continueToken().orElseThrow()));

    assertThat(names(second)).containsExactly("wf-1", "wf-0");
    assertThat(second.continueToken()).isEmpty();
  }

  @Test
  void pagesStayStableWhileDocumentsAreAddedAndRemoved() throws Exception {
    for (int i = 0; i < 20; i++) {
      create(workflow("argo", String.format("wf-%02d", i), 100 + i));
    }
    WorkflowQuery query = workflowsIn("argo").withLimit(6);
    WorkflowPage first = repository.list(query);
    assertThat(names(first)).containsExactly("wf-19", "wf-18", "wf-17", "wf-16", "wf-15", "wf-14");

    // Newer documents arrive, one at the same instant as the last one read, and an unread and a
    // read document are deleted.
    create(workflow("argo", "newer", 500));
    create(workflow("argo", "wf-14-twin", 114));
    repository.delete(WorkflowKey.workflow("argo", "wf-05"));
    repository.delete(WorkflowKey.workflow("argo", "wf-18"));

    List<String> seen = new ArrayList<>(names(first));
    query = query.withContinueToken(first.continueToken().orElseThrow());
    while (true) {
      WorkflowPage page = repository.list(query);
      seen.addAll(names(page));
      if (page.continueToken().isEmpty()) {
        break;
      }
      query = query.withContinueToken(page.continueToken().get());
    }

    assertThat(seen).doesNotHaveDuplicates().doesNotContain("newer", "wf-05");
    for (int i = 0; i < 20; i++) {
      if (i != 5) {
        assertThat(seen).contains(String.format("wf-%02d", i));
      }
    }
    assertThat(seen).contains("wf-14-twin");
  }

  @Test
  void pagesOfDocumentsCreatedAtTheSameInstantAreOrderedByNamespaceAndName() throws Exception {
    List<String> expected = new ArrayList<>();
    for (String namespace : List.of("a", "b", "c")) {
      for (String name : List.of("p", "q", "r", "s")) {
        create(workflow(namespace, name, 7));
        expected.add(namespace + "/" + name);
      }
    }
    List<String> paged = new ArrayList<>();
    WorkflowQuery query = allWorkflows().withLimit(5);
    while (true) {
      WorkflowPage page = repository.list(query);
      page.items().forEach(w -> paged.add(w.key().namespace() + "/" + w.key().name()));
      if (page.continueToken().isEmpty()) {
        break;
      }
      query = query.withContinueToken(page.continueToken().get());
    }
    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void filtersStillApplyOnLaterPages() throws Exception {
    for (int i = 0; i < 12; i++) {
      create(
          workflow("argo", "wf-" + i, i)
              .withLabels(Map.of("parity", i % 2 == 0 ? "even" : "odd"))
              .withPhase(i % 3 == 0 ? WorkflowPhase.FAILED : WorkflowPhase.SUCCEEDED));
    }
    WorkflowQuery query =
        allWorkflows()
            .withLabelSelector(LabelSelector.parse("parity=even"))
            .withPhases(Set.of(WorkflowPhase.SUCCEEDED))
            .withLimit(2);
    List<String> paged = new ArrayList<>();
    while (true) {
      WorkflowPage page = repository.list(query);
      paged.addAll(names(page));
      if (page.continueToken().isEmpty()) {
        break;
      }
      query = query.withContinueToken(page.continueToken().get());
    }
    assertThat(paged).containsExactly("wf-10", "wf-8", "wf-4", "wf-2");
  }

  @Test
  void aDamagedContinueTokenIsRejectedWithAdvice() {
    for (String token : List.of("not-a-token", "AAAA", "")) {
      assertThatThrownBy(() -> repository.list(allWorkflows().withContinueToken(token)))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("continue token")
          .hasMessageContaining("first page");
    }
  }

  // ---------------------------------------------------------------- latest

  @Test
  void latestIsTheMostRecentlyCreatedInTheNamespace() throws Exception {
    create(workflow("argo", "old", 0));
    StoredWorkflow newest = create(workflow("argo", "new", 5));
    create(workflow("argo", "middle", 3));
    create(workflow("other", "elsewhere", 9));
    repository.create(
        WorkflowDocument.of(WorkflowKey.of(WorkflowKind.WORKFLOW_TEMPLATE, "argo", "tpl"), "{}")
            .withCreationTimestamp(minute(10)));

    assertThat(repository.latest(WorkflowKind.WORKFLOW, "argo")).contains(newest);
    assertThat(repository.latest(WorkflowKind.WORKFLOW, "nobody")).isEmpty();
  }

  @Test
  void ofTwoCreatedAtTheSameInstantLatestIsTheOneCreatedLast() throws Exception {
    create(workflow("argo", "zzz-first", 4));
    StoredWorkflow second = create(workflow("argo", "aaa-second", 4));

    assertThat(repository.latest(WorkflowKind.WORKFLOW, "argo")).contains(second);
  }

  // ---------------------------------------------------------------- large documents

  @Test
  void aFiveMebibyteDocumentRoundTrips() throws Exception {
    String big = bigJson(5 * 1024 * 1024, 'a');
    StoredWorkflow created = create(workflow("argo", "big", 0).withJson(big));
    assertThat(repository.get(created.key()).orElseThrow().json()).isEqualTo(big);

    String bigger = bigJson(5 * 1024 * 1024 + 17, 'é');
    StoredWorkflow updated =
        repository.update(created.document().withJson(bigger), created.resourceVersion());
    assertThat(repository.get(created.key())).contains(updated);
    assertThat(repository.list(allWorkflows()).items().getFirst().json()).isEqualTo(bigger);
  }

  /** A JSON document of exactly {@code length} characters. */
  protected static String bigJson(int length, char filler) {
    String head = "{\"data\":\"";
    String tail = "\"}";
    return head + String.valueOf(filler).repeat(length - head.length() - tail.length()) + tail;
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  @Timeout(120)
  void concurrentUpdatesFromEightThreadsRetryingOnConflictLoseNothing() throws Exception {
    int threads = 8;
    int incrementsEach = 25;
    StoredWorkflow created = create(workflow("argo", "counter", 0).withJson(counterJson(0)));
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Object> incrementer =
            () -> {
              start.await();
              for (int i = 0; i < incrementsEach; i++) {
                while (true) {
                  StoredWorkflow current = repository.get(created.key()).orElseThrow();
                  int count = counterOf(current.json());
                  try {
                    repository.update(
                        current.document().withJson(counterJson(count + 1)),
                        current.resourceVersion());
                    break;
                  } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                  }
                }
              }
              return null;
            };
        done.add(pool.submit(incrementer));
      }
      start.countDown();
      for (Future<Object> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    StoredWorkflow last = repository.get(created.key()).orElseThrow();
    assertThat(counterOf(last.json())).isEqualTo(threads * incrementsEach);
    assertThat(last.resourceVersion())
        .as("one resource version per successful update; %s conflicts retried", conflicts)
        .isEqualTo(created.resourceVersion() + threads * incrementsEach);
  }

  private static final Pattern COUNT = Pattern.compile("\\{\"count\":(\\d+)}");

  private static String counterJson(int count) {
    return "{\"count\":" + count + "}";
  }

  private static int counterOf(String json) {
    Matcher matcher = COUNT.matcher(json);
    assertThat(matcher.matches()).as("counter document %s", json).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  @Test
  @Timeout(60)
  void ofConcurrentCreatesOfOneNameExactlyOneWins() throws Exception {
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Optional<StoredWorkflow>>> attempts = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        attempts.add(
            pool.submit(() -> {
              start.await();
              try {
                return Optional.of(
                    repository.create(
                        workflow("argo", "contested", 0).withJson("{\"by\":" + thread + "}")));
              } catch (AlreadyExistsException e) {
                return Optional.empty();
              }
            }));
      }
      start.countDown();
      List<StoredWorkflow> winners = new ArrayList<>();
      for (Future<Optional<StoredWorkflow>> attempt : attempts) {
        attempt.get(1, TimeUnit.MINUTES).ifPresent(winners::add);
      }
      assertThat(winners).hasSize(1);
      assertThat(repository.get(WorkflowKey.workflow("argo", "contested")))
          .contains(winners.getFirst());
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- changes

  @Test
  void changesFromZeroListEveryDocumentInVersionOrder() throws Exception {
    StoredWorkflow a = create(workflow("argo", "a", 0));
    StoredWorkflow b = create(workflow("argo", "b", 0));

    ChangeBatch batch = repository.changesSince(null, null, 0, 100);

    assertThat(batch.changes())
        .containsExactly(new WorkflowChange.Added(a), new WorkflowChange.Added(b));
    assertThat(batch.resourceVersion()).isEqualTo(b.resourceVersion());
    assertThat(batch.more()).isFalse();
  }

  @Test
  void changesReportModificationsAndDeletionsInOrderEachDocumentOnce() throws Exception {
    StoredWorkflow a = create(workflow("argo", "a", 0));
    StoredWorkflow b = create(workflow("argo", "b", 0));
    long watcher = repository.currentResourceVersion();
    StoredWorkflow a2 = repository.update(a.document().withJson("{\"v\":2}"), a.resourceVersion());
    StoredWorkflow a3 =
        repository.update(a2.document().withJson("{\"v\":3}"), a2.resourceVersion());
    StoredWorkflow c = create(workflow("argo", "c", 0));
    repository.delete(b.key());

    ChangeBatch batch = repository.changesSince(WorkflowKind.WORKFLOW, "argo", watcher, 100);

    assertThat(batch.changes()).hasSize(3);
    assertThat(batch.changes().get(0)).isEqualTo(new WorkflowChange.Modified(a3));
    assertThat(batch.changes().get(1)).isEqualTo(new WorkflowChange.Added(c));
    assertThat(batch.changes().get(2))
        .isInstanceOfSatisfying(
            WorkflowChange.Deleted.class,
            deleted -> {
              assertThat(deleted.key()).isEqualTo(b.key());
              assertThat(deleted.uid()).isEqualTo(b.uid());
              assertThat(deleted.resourceVersion()).isGreaterThan(c.resourceVersion());
            });
    assertThat(batch.resourceVersion()).isEqualTo(repository.currentResourceVersion());
    assertThat(repository.changesSince(null, null, batch.resourceVersion(), 100).changes())
        .isEmpty();
  }

  @Test
  void changesCanBeWatchedForOneKindAndNamespace() throws Exception {
    create(workflow("argo", "mine", 0));
    create(workflow("other", "theirs", 0));
    repository.create(
        WorkflowDocument.of(WorkflowKey.of(WorkflowKind.CRON_WORKFLOW, "argo", "cron"), "{}"));
    repository.delete(WorkflowKey.workflow("other", "theirs"));

    assertThat(repository.changesSince(WorkflowKind.WORKFLOW, "argo", 0, 100).changes())
        .extracting(change -> change.key().name())
        .containsExactly("mine");
    assertThat(repository.changesSince(WorkflowKind.WORKFLOW, null, 0, 100).changes())
        .extracting(change -> change.getClass().getSimpleName() + " " + change.key().name())
        .containsExactly("Added mine", "Deleted theirs");
    assertThat(repository.changesSince(null, "argo", 0, 100).changes())
        .extracting(change -> change.key().name())
        .containsExactly("mine", "cron");
  }

  @Test
  void aLimitSplitsChangesIntoConsecutiveBatches() throws Exception {
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      versions.add(create(workflow("argo", "wf-" + i, i)).resourceVersion());
    }
    repository.delete(WorkflowKey.workflow("argo", "wf-0"));
    versions.removeFirst();
    versions.add(repository.currentResourceVersion());

    List<Long> seen = new ArrayList<>();
    long from = 0;
    List<Boolean> more = new ArrayList<>();
    while (true) {
      ChangeBatch batch = repository.changesSince(null, null, from, 3);
      batch.changes().forEach(change -> seen.add(change.resourceVersion()));
      more.add(batch.more());
      from = batch.resourceVersion();
      if (!batch.more()) {
        break;
      }
    }

    assertThat(seen).isEqualTo(versions);
    assertThat(more).containsExactly(true, true, false);
    assertThat(from).isEqualTo(repository.currentResourceVersion());
  }

  @Test
  void aWatcherStartingFromAListSeesOnlyLaterWrites() throws Exception {
    create(workflow("argo", "before", 0));
    WorkflowPage page = repository.list(workflowsIn("argo"));
    StoredWorkflow after = create(workflow("argo", "after", 1));

    ChangeBatch batch =
        repository.changesSince(WorkflowKind.WORKFLOW, "argo", page.resourceVersion(), 10);

    assertThat(batch.changes()).containsExactly(new WorkflowChange.Added(after));
  }

  @Test
  void changesOfOtherKindsStillAdvanceTheWatcher() throws Exception {
    create(workflow("argo", "wf", 0));
    repository.create(
        WorkflowDocument.of(WorkflowKey.of(WorkflowKind.WORKFLOW_TEMPLATE, "argo", "t"), "{}"));

    ChangeBatch batch = repository.changesSince(WorkflowKind.CRON_WORKFLOW, null, 0, 10);

    assertThat(batch.changes()).isEmpty();
    assertThat(batch.resourceVersion()).isEqualTo(repository.currentResourceVersion());
  }

  // ---------------------------------------------------------------- events

  @Test
  void eventsAreListedInTheOrderTheyWereAppended() throws Exception {
    StoredWorkflow wf = create(workflow("argo", "wf", 0));
    List<WorkflowEvent> appended =
        List.of(
            new WorkflowEvent(
                wf.uid(),
                minute(1),
                null,
                WorkflowEvent.Type.NORMAL,
                "WorkflowRunning",
                "Workflow Running"),
            new WorkflowEvent(
                wf.uid(),
                minute(1),
                "wf-123",
                WorkflowEvent.Type.NORMAL,
                "WorkflowNodeRunning",
                "Running node wf[0].step"),
            new WorkflowEvent(
                wf.uid(),
                minute(0),
                "wf-123",
                WorkflowEvent.Type.WARNING,
                "WorkflowNodeFailed",
                "échec: exit code 1 ✗"));
    for (WorkflowEvent event : appended) {
      repository.appendEvent(event);
    }
    StoredWorkflow other = create(workflow("argo", "other", 0));
    repository.appendEvent(
        new WorkflowEvent(
            other.uid(), minute(2), null, WorkflowEvent.Type.NORMAL, "WorkflowRunning", "x"));

    assertThat(repository.events(wf.uid())).isEqualTo(appended);
    assertThat(repository.events(other.uid())).hasSize(1);
  }

  @Test
  void eventsOfAnUnknownWorkflowAreRefused() {
    assertThatThrownBy(() ->
            repository.appendEvent(
                new WorkflowEvent(
                    "no-such-uid",
                    minute(0),
                    null,
                    WorkflowEvent.Type.NORMAL,
                    "WorkflowRunning",
                    "x")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no-such-uid");
    assertThat(repository.events("no-such-uid")).isEmpty();
  }

  @Test
  void deletingAWorkflowDeletesItsEvents() throws Exception {
    StoredWorkflow wf = create(workflow("argo", "wf", 0));
    repository.appendEvent(
        new WorkflowEvent(
            wf.uid(), minute(1), null, WorkflowEvent.Type.NORMAL, "WorkflowRunning", "x"));

    repository.delete(wf.key());

    assertThat(repository.events(wf.uid())).isEmpty();
  }
}
