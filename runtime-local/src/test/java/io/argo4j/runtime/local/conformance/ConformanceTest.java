package io.argo4j.runtime.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every Workflow of Argo's {@code examples/} that the inventory classifies as needing only
 * processes, through the local runtime, and checks that at least {@value #REQUIRED} reach their
 * expected phase and that none is left non-terminal. With {@code -Dargo4j.updateDocs=true} it
 * writes docs/conformance.md.
 */
class ConformanceTest {

  static final int REQUIRED = 95;
  static final int CONCURRENCY = 4;
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  static final Duration SUSPENDED_FOR = Duration.ofSeconds(3);

  /** Where the hand-written section of docs/conformance.md starts. */
  private static final String RUNTIME_CONTRACT_HEADING = "## Runtime contract";

  /** Examples left out of the run, and why; listed in docs/conformance.md. */
  static final Map<String, String> EXCLUDED =
      Map.of(
          "parallelism-nested-workflow.yaml",
          "runs four 30 s steps one after the other by design (`parallelism: 1`): two minutes,"
              + " the per-example limit; upstream labels it `duration`",
          "forever.yaml",
          "runs 1,000 one-second sleeps (about 17 minutes) by design; upstream labels it"
              + " `duration` and does not run it either",
          "synchronization-mutex-tmpl-level.yaml",
          "honours its mutexes: five 50 s steps one after the other (about 250 s), twice the"
              + " per-example limit; upstream labels it `environment`."
              + " `LocalSynchronizationTest` runs it with its sleeps shortened",
          "colored-logs.yaml",
          "prints 99 lines one second apart (about 100 s of sleep, a third of the whole run);"
              + " upstream labels it `duration`");

  /** What investigation found about the examples that miss; shown next to each miss. */
  static final Map<String, String> KNOWN_CAUSES = KnownCauses.BY_FILE;

  @TempDir Path work;

  static Path repoRoot() {
    return Path.of(System.getProperty("argo4j.repoRoot", "..")).toAbsolutePath().normalize();
  }

  @Test
  void argoExamplesReachTheirExpectedPhase() throws Exception {
    Path shared = repoRoot().resolve("../shared").normalize();
    Path examples = shared.resolve("argo-upstream/examples");
    Path inventory = shared.resolve("reference/argo-inventory.md");
    assertThat(examples)
        .as("Argo's examples (the compatibility corpus) must be at %s", examples)
        .isDirectory();

    List<InventoryRow> rows = InventoryTable.read(inventory);
    List<InventoryRow> yes = rows.stream().filter(InventoryRow::runsWithoutKubernetes).toList();
    List<InventoryRow> toRun =
        yes.stream()
            .filter(InventoryRow::isWorkflow)
            .filter(r -> !EXCLUDED.containsKey(r.file()))
            .toList();
    List<InventoryRow> notRun = yes.stream().filter(r -> !r.isWorkflow()).toList();
    assertThat(toRun).as("Workflow rows classified Yes in %s", inventory).isNotEmpty();
    for (InventoryRow row : toRun) {
      assertThat(examples.resolve(row.file()))
          .as("example of row %d", row.number())
          .isRegularFile();
    }

    Path templates = work.resolve("templates");
    TemplateCatalogFolder.write(examples, rows, templates);
    ExampleRunner runner =
        new ExampleRunner(examples, templates, work.resolve("state"), TIMEOUT, SUSPENDED_FOR);

    long start = System.nanoTime();
    List<ExampleResult> results = runAll(runner, toRun);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);

    ConformanceReport report =
        new ConformanceReport(
            results,
            new TreeMap<>(EXCLUDED),
            notRun,
            KNOWN_CAUSES,
            wall,
            machine(),
            CONCURRENCY,
            TIMEOUT);
    if (Boolean.getBoolean("argo4j.updateDocs")) {
      Path doc = repoRoot().resolve("docs/conformance.md");
      // the runtime contract section is written by hand (contract module): keep it
      String old = Files.exists(doc) ? Files.readString(doc) : "";
      int contract = old.indexOf(RUNTIME_CONTRACT_HEADING);
      String kept = contract < 0 ? "" : "\n" + old.substring(contract);
      Files.writeString(doc, report.markdown() + kept);
    }
    System.out.println(report.markdown());

    assertThat(results)
        .as("workflows left non-terminal or stuck")
        .filteredOn(r -> !r.outcome().leftNothingRunning())
        .extracting(
            r -> r.row().file() + ": " + r.outcome().result() + " " + r.outcome().stuckNodes())
        .isEmpty();
    assertThat(report.reached())
        .as(
            "examples reaching their expected phase; misses: %s",
            report.misses().stream().map(r -> r.row().file()).toList())
        .isGreaterThanOrEqualTo(REQUIRED);
  }

  private static List<ExampleResult> runAll(ExampleRunner runner, List<InventoryRow> rows)
      throws Exception {
    List<Future<ExampleResult>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
      for (InventoryRow row : rows) {
        futures.add(pool.submit(() -> runner.run(row)));
      }
      List<ExampleResult> results = new ArrayList<>();
      for (Future<ExampleResult> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }

  private static String machine() {
    return String.format(
        Locale.ROOT,
        "%d cores, load average %.1f at the end",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
