package io.argo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.ArgoResource;
import io.argo4j.model.Manifest;
import io.argo4j.model.OtherResource;
import io.argo4j.model.testing.UpstreamCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every upstream example reads in strict mode without a problem, and writing it back (as YAML and
 * as JSON) gives the tree that was read, under {@link TreeEquivalence}'s rules.
 */
class CorpusRoundTripTest {
  /**
   * The one problem upstream's corpus really has: k8s-patch-json-workflow.yaml writes {@code
   * metadata.annotations} twice. Kubernetes' YAML decoding keeps the last value, and so do we, with
   * a warning. No other problem, error or warning, is allowed.
   */
  private static final List<String> KNOWN_WARNINGS =
      List.of(
          "k8s-patch-json-workflow.yaml: warning: metadata.annotations: duplicate key"
              + " \"annotations\" (first at 6:3)");

  private final ManifestReader reader = ManifestReader.strict();
  private final ManifestWriter writer = ManifestWriter.create();
  private final List<String> normalized = new ArrayList<>();

  @Test
  void everyExampleReadsStrictlyAndWritesBackLosslessly() throws IOException {
    List<Path> files = UpstreamCorpus.exampleFiles();
    List<String> failures = new ArrayList<>();
    int documents = 0;
    int argo = 0;
    int other = 0;
    for (Path file : files) {
      String name = UpstreamCorpus.name(file);
      ReadResult result = reader.read(file);
      for (ModelProblem problem : result.problems()) {
        String line = name + ": " + problem;
        if (problem.isError() || KNOWN_WARNINGS.stream().noneMatch(line::startsWith)) {
          failures.add(line);
        }
      }
      for (ParsedDocument document : result.documents()) {
        documents++;
        Manifest manifest = document.manifest();
        if (manifest == null) {
          failures.add(name + " #" + document.index() + ": not bound");
          continue;
        }
        if (manifest instanceof ArgoResource) {
          argo++;
        } else if (manifest instanceof OtherResource) {
          other++;
        }
        roundTrip(
            name + " #" + document.index() + " (yaml)",
            document.tree(),
            writer.toYaml(manifest),
            failures);
        roundTrip(
            name + " #" + document.index() + " (json)",
            document.tree(),
            writer.toJson(manifest),
            failures);
      }
    }
    System.out.printf(
        "corpus round trip: %d files, %d documents (%d Argo, %d other kinds)%n",
        files.size(), documents, argo, other);
    System.out.printf("normalization rules applied %d times:%n", normalized.size());
    normalized.stream().distinct().forEach(n -> System.out.println("  " + n));
    assertThat(failures).isEmpty();
    assertThat(files).hasSizeGreaterThanOrEqualTo(217);
    assertThat(documents).isGreaterThanOrEqualTo(files.size());
  }

  private void roundTrip(String name, JsonNode read, String text, List<String> failures) {
    ReadResult again = reader.read(text, name);
    again.problems().forEach(p -> failures.add(name + " rereading output: " + p));
    if (again.documents().size() != 1) {
      failures.add(name + ": output has " + again.documents().size() + " documents");
      return;
    }
    TreeEquivalence.differences(read, again.documents().get(0).tree(), normalized)
        .forEach(d -> failures.add(name + ": " + d));
  }
}
