package io.argo4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every upstream example parses, and every Argo document in it lints clean when the examples are
 * linted as one set (so that templateRefs find the WorkflowTemplates they name).
 */
class CorpusLintTest {
  /**
   * The only findings upstream's examples give, all warnings, each judged against Argo:
   * fun-with-gifs.yaml indents generateName under labels and k8s-jobs.yaml has no name at all
   * (Argo's validator accepts both; the API server would want a name at submission), and
   * k8s-patch-json-workflow.yaml writes metadata.annotations twice.
   */
  private static final List<String> KNOWN_WARNINGS =
      List.of(
          "fun-with-gifs.yaml metadata-name",
          "k8s-jobs.yaml metadata-name",
          "k8s-patch-json-workflow.yaml duplicate-key");

  @Test
  void everyUpstreamExampleLintsClean() {
    List<Path> files = Corpus.files();
    LintReport report = Linter.builder().build().lint(files.stream().map(LintSource::of).toList());

    System.out.printf(
        "lint corpus: %d files, %d Argo documents checked, %d skipped (other kinds), %d findings%n",
        report.sources(), report.documents(), report.skipped().size(), report.findings().size());
    report.findings().forEach(f -> System.out.println("  " + f));
    assertThat(files).hasSizeGreaterThanOrEqualTo(217);
    assertThat(report.sources()).isEqualTo(files.size());
    assertThat(report.documents()).isGreaterThanOrEqualTo(files.size() - report.skipped().size());
    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(f -> Corpus.examples().relativize(Path.of(f.source())) + " " + f.rule().id())
        .containsExactlyInAnyOrderElementsOf(KNOWN_WARNINGS);
  }
}
