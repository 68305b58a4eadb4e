package io.argo4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.ArgoKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {
  private static final String TYPO =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: hello-
      spec:
        entrypoint: main
        templates:
          - name: main
            steps:
              - - name: hello
                  template: whalesy
          - name: whalesay
            container:
              image: alpine:3
              imagePulPolicy: Always
      """;

  private static final String WORKFLOW_TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: shared
      spec:
        templates:
          - name: echo
            container:
              image: alpine:3
      """;

  private static final String USES_TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: uses-
      spec:
        entrypoint: main
        templates:
          - name: main
            steps:
              - - name: hello
                  templateRef:
                    name: shared
                    template: echo
      """;

  @Test
  void textLinesSayFileLineColumnPathMessageExpectedAndRule() {
    LintReport report = Linter.builder().build().lintText(TYPO, "wf.yaml");

    assertThat(report.toSimpleText())
        .isEqualTo(
            """
            wf.yaml:11:23: error: spec.templates[0].steps[0][0].template: template "whalesy" is \
            not defined in spec.templates; expected: "whalesay" [template-ref]
            wf.yaml:15:9: error: spec.templates[1].container.imagePulPolicy: unknown field \
            "imagePulPolicy"; expected: "imagePullPolicy" [unknown-field]
            """);
    assertThat(report.toText()).endsWith("1 file, 1 document checked: 2 errors, 0 warnings\n");
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void lenientModeMakesUnknownFieldsWarnings() {
    LintReport report = Linter.builder().strict(false).build().lintText(TYPO, "wf.yaml");

    assertThat(report.errors()).extracting(f -> f.rule()).containsExactly(Rule.TEMPLATE_REF);
    assertThat(report.warnings()).extracting(f -> f.rule()).containsExactly(Rule.UNKNOWN_FIELD);
  }

  @Test
  void jsonIsStableAndComplete() throws Exception {
    LintReport report = Linter.builder().build().lintText(TYPO, "wf.yaml");
    String json = report.toJson();
    JsonNode root = new ObjectMapper().readTree(json);

    assertThat(json).isEqualTo(Linter.builder().build().lintText(TYPO, "wf.yaml").toJson());
    assertThat(root.get("valid").asBoolean()).isFalse();
    assertThat(root.get("errors").asInt()).isEqualTo(2);
    JsonNode first = root.get("findings").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "file", "line", "column", "path", "rule", "severity", "message", "expected");
    assertThat(first.get("line").asInt()).isEqualTo(11);
    assertThat(first.get("column").asInt()).isEqualTo(23);
    assertThat(first.get("rule").asText()).isEqualTo("template-ref");
    assertThat(first.get("expected").asText()).isEqualTo("\"whalesay\"");
  }

  @Test
  void otherKubernetesKindsAreSkippedNotErrors() {
    String text =
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """;
    LintReport report = Linter.builder().build().lintText(text, "pvc.yaml");

    assertThat(report.findings()).isEmpty();
    assertThat(report.documents()).isZero();
    assertThat(report.skipped())
        .singleElement()
        .satisfies(s -> {
          assertThat(s.kind()).isEqualTo("PersistentVolumeClaim");
          assertThat(s.name()).isEqualTo("data");
          assertThat(s.line()).isEqualTo(1);
        });
    assertThat(report.toText()).contains("pvc.yaml:1:1: skipped: PersistentVolumeClaim data");
  }

  @Test
  void kindsLeftOutAreSkippedButStillResolveTemplateRefs() {
    LintReport report =
        Linter.builder()
            .kinds(List.of(ArgoKind.WORKFLOW))
            .build()
            .lint(
                List.of(
                    LintSource.text("wt.yaml", WORKFLOW_TEMPLATE),
                    LintSource.text("wf.yaml", USES_TEMPLATE)));

    assertThat(report.findings()).isEmpty();
    assertThat(report.documents()).isEqualTo(1);
    assertThat(report.skipped()).extracting(Skipped::kind).containsExactly("WorkflowTemplate");
  }

  @Test
  void templateRefsResolveAgainstATemplatesFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("shared.yaml"), WORKFLOW_TEMPLATE);

    LintReport alone = Linter.builder().build().lintText(USES_TEMPLATE, "wf.yaml");
    LintReport withDir = Linter.builder().templates(dir).build().lintText(USES_TEMPLATE, "wf.yaml");

    assertThat(alone.errors())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("WorkflowTemplate \"shared\" is not in"));
    assertThat(withDir.findings()).isEmpty();
  }

  @Test
  void foldersAreLintedRecursivelyAndMissingFilesReported(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/wt.yaml"), WORKFLOW_TEMPLATE);
    Files.writeString(dir.resolve("wf.yml"), USES_TEMPLATE);
    Files.writeString(dir.resolve("notes.md"), "not linted");

    LintReport report =
        Linter.builder()
            .build()
            .lint(List.of(LintSource.of(dir), LintSource.of(dir.resolve("missing.yaml"))));

    assertThat(report.sources()).isEqualTo(2);
    assertThat(report.documents()).isEqualTo(2);
    assertThat(report.errors())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.rule()).isEqualTo(Rule.IO);
          assertThat(f.message()).isEqualTo("no such file or folder");
          assertThat(f.source()).endsWith("missing.yaml");
        });
  }

  @Test
  void everyRuleHasAUniqueIdAndSummary() {
    assertThat(List.of(Rule.values()))
        .extracting(Rule::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
    for (Rule r : Rule.values()) {
      assertThat(Rule.fromId(r.id())).contains(r);
      assertThat(r.summary()).isNotBlank();
    }
  }
}
