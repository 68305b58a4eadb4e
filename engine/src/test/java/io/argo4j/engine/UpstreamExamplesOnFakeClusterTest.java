package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Workflow among Argo's upstream examples, driven through the engine with pods that simply
 * succeed: the engine must never throw and must bring each workflow to a terminal phase with no
 * node left running. (Outcomes that depend on real commands are checked by the local runtime's
 * conformance run.)
 */
class UpstreamExamplesOnFakeClusterTest {

  static Path examples() {
    Path root = Path.of(System.getProperty("argo4j.repoRoot", "..")).toAbsolutePath();
    Path dir = root.resolve("../shared/argo-upstream/examples").normalize();
    assertThat(dir).as("Argo's upstream examples must be at " + dir).isDirectory();
    return dir;
  }

  @Test
  void everyUpstreamWorkflowReachesATerminalPhase() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(examples())) {
      files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    Map<String, WorkflowTemplate> wfts = new HashMap<>();
    Map<String, ClusterWorkflowTemplate> cwfts = new HashMap<>();
    List<Map.Entry<Path, String>> workflows = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f);
      ReadResult r = ManifestReader.lenient().read(text, f.toString());
      for (Manifest m : r.manifests()) {
        switch (m) {
          case WorkflowTemplate t -> wfts.put(t.metadata().getName(), t);
          case ClusterWorkflowTemplate t -> cwfts.put(t.metadata().getName(), t);
          default -> {}
        }
      }
      if (r.manifests().size() == 1 && r.manifests().get(0) instanceof Workflow) {
        workflows.add(Map.entry(f, text));
      }
    }
    TemplateCatalog catalog = TemplateCatalog.of(wfts, cwfts);
    Map<String, Integer> byPhase = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Path, String> e : workflows) {
      String name = examples().relativize(e.getKey()).toString();
      try {
        FakeCluster c = new FakeCluster(e.getValue());
        c.catalog = catalog;
        long t0 = System.nanoTime();
        c.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > 500) {
          System.out.println("slow: " + name + " " + ms + " ms, " + c.reconciles + " reconciles");
        }
        byPhase.merge(
            c.suspended() && !c.phase().equals("Succeeded") ? "Suspended" : c.phase(),
            1,
            Integer::sum);
        for (NodeStatus n :
            c.workflow.status().nodes() == null
                ? List.<NodeStatus>of()
                : c.workflow.status().nodes().values()) {
          if (!n.phase().isFulfilled() && !c.suspended()) {
            problems.add(name + ": node " + n.name() + " left " + n.phase());
          }
        }
      } catch (IllegalArgumentException ex) {
        // Argo refuses these at submission too (e.g. generateName misplaced under labels)
        if (String.valueOf(ex.getMessage()).contains("generateName is required")) {
          byPhase.merge("rejected at submit", 1, Integer::sum);
        } else {
          problems.add(name + ": " + ex);
        }
      } catch (RuntimeException | AssertionError ex) {
        problems.add(name + ": " + ex);
      }
    }
    System.out.println(
        "upstream workflows driven through the engine: " + workflows.size() + " " + byPhase);
    assertThat(workflows).hasSizeGreaterThan(150);
    assertThat(problems).isEmpty();
  }
}
