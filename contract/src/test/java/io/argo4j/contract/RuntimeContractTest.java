package io.argo4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.EngineConfig;
import io.argo4j.executor.ExecutorConfig;
import io.argo4j.model.Workflow;
import io.argo4j.model.testing.UpstreamCorpus;
import io.argo4j.runtime.local.LoadedWorkflow;
import io.argo4j.runtime.local.WorkflowFiles;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime contract: every example of {@link ContractExample#ALL} runs on the local runtime and
 * on the simulated cluster (controller on the fabric8 mock API server, pods' steps run for real by
 * the kubelet simulator), and both must end in the same {@link NormalizedView}: node tree, phases,
 * messages, inputs and outputs, workflow phase, message and outputs. Both must also reach the phase
 * Argo's semantics give the example, so that two runtimes failing alike do not pass.
 */
class RuntimeContractTest {

  /** How long each run may take (the slowest example needs about 31 s). */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final int PARALLEL_EXAMPLES = 2;

  /** {@code -Dargo4j.contract.only=REGEX} runs the examples whose file matches, for debugging. */
  private static final Pattern ONLY =
      Pattern.compile(System.getProperty("argo4j.contract.only", ""));

  @TempDir Path tmp;

  @Test
  void theLocalRuntimeAndTheSimulatedClusterGiveTheSameResults() throws Exception {
    Path examples = UpstreamCorpus.examplesDir();
    Path repo =
        Path.of(System.getProperty(UpstreamCorpus.REPO_ROOT_PROPERTY, "..")).toAbsolutePath();
    CorpusTemplates templates = CorpusTemplates.read(examples);
    Path templatesDir = templates.writeTo(tmp.resolve("templates"));
    ExecutorConfig executor =
        ExecutorConfig.builder().runnerGoneGrace(Duration.ofSeconds(1)).build();
    EngineConfig engine = EngineConfig.defaults();
    LocalSide local = new LocalSide(tmp.resolve("local"), executor, engine);

    List<ContractResult> results = new ArrayList<>();
    long start = System.nanoTime();
    try (ClusterSide cluster = ClusterSide.start(repo, tmp.resolve("pods"), executor, engine);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_EXAMPLES)) {
      cluster.install(templates);
      List<Future<ContractResult>> futures = new ArrayList<>();
      for (int i = 0; i < ContractExample.ALL.size(); i++) {
        ContractExample example = ContractExample.ALL.get(i);
        if (!ONLY.matcher(example.file()).find()) {
          continue;
        }
        int index = i;
        futures.add(
            pool.submit(() -> runOrReport(index, example, examples, templatesDir, local, cluster)));
      }
      for (Future<ContractResult> f : futures) {
        ContractResult r = f.get();
        results.add(r);
        System.out.println(r.summaryLine());
      }
      assertThat(cluster.problems()).as("kubelet simulator problems").isEmpty();
    }
    long identical = results.stream().filter(ContractResult::identical).count();
    System.out.printf(
        "contract: %d examples, %d identical (%.0f s)%n",
        results.size(), identical, (System.nanoTime() - start) / 1e9);
    StringBuilder report = new StringBuilder();
    results.stream().filter(r -> !r.passed()).forEach(r -> report.append(r.report()));
    assertThat(report.toString()).as("differences between the runtimes").isEmpty();
    if (ONLY.pattern().isEmpty()) {
      assertThat(results).hasSizeGreaterThanOrEqualTo(40);
    }
  }

  @Test
  void theExclusionTableNamesCorpusFilesThatAreNotRun() {
    Path examples = UpstreamCorpus.examplesDir();
    List<String> run = ContractExample.ALL.stream().map(ContractExample::file).toList();
    assertThat(run).doesNotHaveDuplicates();
    for (String file : run) {
      assertThat(examples.resolve(file)).as("contract example").isRegularFile();
    }
    for (Map.Entry<String, String> e : ContractExample.EXCLUDED.entrySet()) {
      assertThat(examples.resolve(e.getKey())).as("excluded example").isRegularFile();
      assertThat(run).as("excluded yet run").doesNotContain(e.getKey());
      assertThat(e.getValue()).isNotBlank();
    }
  }

  private static ContractResult runOrReport(
      int index,
      ContractExample example,
      Path examples,
      Path templatesDir,
      LocalSide local,
      ClusterSide cluster) {
    try {
      return run(index, example, examples, templatesDir, local, cluster);
    } catch (Exception e) {
      return ContractResult.failed(example, e.toString());
    }
  }

  private static ContractResult run(
      int index,
      ContractExample example,
      Path examples,
      Path templatesDir,
      LocalSide local,
      ClusterSide cluster)
      throws Exception {
    String text = Files.readString(examples.resolve(example.file()));
    LoadedWorkflow loaded = WorkflowFiles.load(text, example.file(), templatesDir, Map.of(), null);
    Workflow workflow = named(loaded.workflow(), index);
    String id = String.format("%02d", index);
    // on a thread of its own: the run polls for up to TIMEOUT, which must not tie up a shared pool
    CompletableFuture<Timed> onCluster = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("contract-cluster-" + id)
        .start(() -> {
          try {
            onCluster.complete(Timed.of(() -> cluster.run(workflow, TIMEOUT)));
          } catch (Exception e) {
            onCluster.completeExceptionally(
                new IllegalStateException("cluster side of " + example.file() + ": " + e, e));
          }
        });
    Timed onLocal = Timed.of(() -> local.run(id, workflow, loaded.templates(), TIMEOUT));
    Timed clusterRun = onCluster.get();
    boolean same =
        NormalizedView.of(onLocal.workflow())
            .differences(NormalizedView.of(clusterRun.workflow()))
            .isEmpty();
    return new ContractResult(
        example,
        null,
        same ? "" : cluster.describe(workflow.metadata().getName()),
        onLocal.workflow(),
        clusterRun.workflow(),
        ClusterSide.completed(clusterRun.workflow()),
        onLocal.took(),
        clusterRun.took());
  }

  /** A run and how long it took. */
  private record Timed(Workflow workflow, Duration took) {
    interface Run {
      Workflow run() throws Exception;
    }

    static Timed of(Run run) throws Exception {
      long start = System.nanoTime();
      Workflow wf = run.run();
      return new Timed(wf, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * The same name on both sides: node IDs and pod names derive from it (see NodeIds), and so do the
   * values of {@code {{workflow.name}}}.
   */
  private static Workflow named(Workflow wf, int index) {
    ObjectMeta meta = wf.metadata();
    String base = meta.getName() != null ? meta.getName() : meta.getGenerateName();
    if (base.endsWith("-")) {
      base = base.substring(0, base.length() - 1);
    }
    String name = base + "-c" + String.format("%02d", index);
    return wf.withMetadata(
        new ObjectMetaBuilder(meta).withName(name).withGenerateName(null).build());
  }
}
