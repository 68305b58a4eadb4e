package io.argo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.OtherResource;
import io.argo4j.model.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unknown and misspelled fields: errors in strict mode, warnings (and dropped) in lenient mode,
 * each naming the field path, the nearest valid name and where it is written.
 */
class ManifestReaderStrictnessTest {
  private static final String MISSPELLED =
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
              - - name: one
                  tempalte: echo
          - name: echo
            container:
              image: alpine:3
              imagePullPolicy: Always
            retryStrategy:
              limit: 2
              backof:
                duration: 5s
      """;

  @Test
  void strictModeReportsMisspelledFieldsAsErrorsWithPathSuggestionAndLocation() {
    ReadResult result = ManifestReader.strict().read(MISSPELLED, "wf.yaml");

    assertThat(result.errors())
        .extracting(ModelProblem::path, ModelProblem::suggestion, p -> p.location().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.templates[0].steps[0][0].tempalte", "template", "wf.yaml:11:13"),
            org.assertj.core.groups.Tuple.tuple(
                "spec.templates[1].retryStrategy.backof", "backoff", "wf.yaml:18:9"));
    assertThat(result.errors().get(0).message()).isEqualTo("unknown field \"tempalte\"");
    assertThat(result.errors().get(0).toString())
        .isEqualTo(
            "error: spec.templates[0].steps[0][0].tempalte: unknown field \"tempalte\" at"
                + " wf.yaml:11:13; did you mean \"template\"?");
    assertThat(result.documents().get(0).validManifest()).isEmpty();
  }

  @Test
  void lenientModeReportsTheSameFieldsAsWarningsAndDropsThem() {
    ReadResult result = ManifestReader.lenient().read(MISSPELLED, "wf.yaml");

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings())
        .extracting(ModelProblem::path, ModelProblem::suggestion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.templates[0].steps[0][0].tempalte", "template"),
            org.assertj.core.groups.Tuple.tuple(
                "spec.templates[1].retryStrategy.backof", "backoff"));
    assertThat(result.warnings().get(0).message()).contains("(ignored)");
    Workflow wf = (Workflow) result.documents().get(0).validManifest().orElseThrow();
    assertThat(wf.spec().templates().get(0).steps().get(0).get(0).template()).isNull();
    assertThat(wf.spec().templates().get(1).retryStrategy().backoff()).isNull();
    assertThat(wf.spec().templates().get(1).container().getImage()).isEqualTo("alpine:3");
  }

  @Test
  void aNameFarFromEveryFieldGetsNoSuggestion() {
    String text =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: x}
        spec:
          entrypoint: main
          zzzzqqqq: 1
          templates: [{name: main, container: {image: alpine}}]
        """;
    List<ModelProblem> errors = ManifestReader.strict().read(text, "wf.yaml").errors();

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).path()).isEqualTo("spec.zzzzqqqq");
    assertThat(errors.get(0).suggestion()).isNull();
    assertThat(errors.get(0).location()).isEqualTo(new SourceLocation("wf.yaml", 6, 3));
  }

  @Test
  void wrongTypesAreErrorsInBothModes() {
    String text =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: x}
        spec:
          entrypoint: main
          parallelism: lots
          templates: [{name: main, container: {image: alpine}}]
        """;
    for (ManifestReader reader : List.of(ManifestReader.strict(), ManifestReader.lenient())) {
      List<ModelProblem> errors = reader.read(text, "wf.yaml").errors();
      assertThat(errors).extracting(ModelProblem::path).containsExactly("spec.parallelism");
      assertThat(errors.get(0).location()).isEqualTo(new SourceLocation("wf.yaml", 6, 16));
    }
  }

  @Test
  void readsSeveralYamlDocumentsWithLocationsInTheirOwnDocument() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {colour: red}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: second}
        spec:
          entrypoint: main
          templates:
            - name: main
              contianer: {image: alpine}
        """;
    ReadResult result = ManifestReader.strict().read(text, "multi.yaml");

    assertThat(result.documents()).hasSize(2);
    assertThat(result.documents().get(0).manifest()).isInstanceOf(OtherResource.class);
    assertThat(result.documents().get(1).manifest()).isInstanceOf(Workflow.class);
    assertThat(result.documents().get(1).start().line()).as("its --- line").isEqualTo(5);
    assertThat(result.errors())
        .extracting(ModelProblem::path, ModelProblem::suggestion, ModelProblem::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.templates[0].contianer",
                "container",
                new SourceLocation("multi.yaml", 13, 7)));
  }

  @Test
  void readsConcatenatedJsonDocumentsWithLineAndColumn() {
    String text =
        """
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "WorkflowTemplate",
         "metadata": {"name": "a"}, "spec": {"templates": []}}
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
         "metadata": {"name": "b"},
         "spec": {"entrypint": "main"}}
        """;
    ReadResult result = ManifestReader.strict().read(text, "two.json");

    assertThat(result.documents()).hasSize(2);
    assertThat(result.manifests())
        .extracting(m -> m.kind())
        .containsExactly("WorkflowTemplate", "Workflow");
    assertThat(result.errors())
        .extracting(ModelProblem::path, ModelProblem::suggestion, ModelProblem::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.entrypint", "entrypoint", new SourceLocation("two.json", 5, 11)));
  }

  @Test
  void aSyntaxErrorIsOneErrorWithItsLineAndColumn() {
    String text = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: [x\n";
    ReadResult result = ManifestReader.strict().read(text, "bad.yaml");

    assertThat(result.errors()).hasSize(1);
    ModelProblem p = result.errors().get(0);
    assertThat(p.message()).startsWith("invalid YAML");
    assertThat(p.location()).isNotNull();
    assertThat(p.location().line()).isBetween(4, 5);
  }
}
