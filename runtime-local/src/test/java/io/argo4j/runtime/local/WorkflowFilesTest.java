package io.argo4j.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is refused before anything runs, each problem with its place in the file. */
class WorkflowFilesTest {

  private static final String HEAD =
      "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: t-\nspec:\n";

  private static LoadedWorkflow load(String spec, Map<String, String> params) throws Exception {
    return WorkflowFiles.load(HEAD + spec, "wf.yaml", null, params, null);
  }

  private static String problems(String spec, Map<String, String> params) {
    try {
      load(spec, params);
    } catch (InvalidWorkflowException e) {
      return String.join("\n", e.problems());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected the workflow to be refused");
  }

  @Test
  void aValidWorkflowLoads() throws Exception {
    LoadedWorkflow loaded =
        load(
            """
              entrypoint: main
              templates:
                - name: main
                  container: {image: alpine, command: [echo, "{{workflow.name}}"]}
            """,
            Map.of());

    assertThat(loaded.workflow().spec().entrypoint()).isEqualTo("main");
    assertThat(loaded.templates().isEmpty()).isTrue();
  }

  @Test
  void sidecarsAndInitContainersAreLeftOutWithAWarning() throws Exception {
    LoadedWorkflow loaded =
        load(
            """
              entrypoint: main
              templates:
                - name: main
                  container: {image: alpine, command: [echo]}
                  sidecars: [{name: db, image: postgres}]
                  initContainers: [{name: setup, image: alpine}]
                - name: quiet
                  container: {image: alpine, command: [echo]}
            """,
            Map.of());

    assertThat(loaded.warnings())
        .containsExactly(
            "wf.yaml: template main: sidecars, initContainers need Kubernetes; the local runtime"
                + " runs the main container without them (a step that waits for its sidecar"
                + " waits until its deadline)");
  }

  @Test
  void malformedYamlNamesFileLineAndColumn() {
    assertThat(problems("  entrypoint: [main\n  templates: {}\n", Map.of())).startsWith("wf.yaml:");
    assertThat(problems("  entrypoint: [main\n  templates: {}\n", Map.of()))
        .matches("(?s)wf\\.yaml:\\d+:\\d+: .*");
  }

  @Test
  void aMisspelledFieldIsAnErrorWithASuggestion() {
    String p =
        problems(
            """
              entrypoint: main
              templates:
                - name: main
                  contianer: {image: alpine}
            """,
            Map.of());

    assertThat(p).contains("wf.yaml:9:").contains("contianer").contains("container");
  }

  @Test
  void aMissingRequiredParameterSaysHowToGiveIt() {
    String spec =
        """
          entrypoint: main
          arguments:
            parameters:
              - name: message
          templates:
            - name: main
              container: {image: alpine, command: [echo, "{{workflow.parameters.message}}"]}
        """;

    assertThat(problems(spec, Map.of()))
        .contains("wf.yaml:9:")
        .contains("spec.arguments.parameters[0]")
        .contains("-p message=VALUE");
    assertThatNoException(spec, Map.of("message", "hi"));
  }

  private static void assertThatNoException(String spec, Map<String, String> params) {
    try {
      load(spec, params);
    } catch (Exception e) {
      throw new AssertionError("expected it to load", e);
    }
  }

  @Test
  void anUnknownTemplateNamesTheValidOnes() {
    String p =
        problems(
            """
              entrypoint: main
              templates:
                - name: main
                  steps:
                    - - name: a
                        template: whalesay
                - name: say
                  container: {image: alpine}
            """,
            Map.of());

    assertThat(p)
        .contains("wf.yaml:11:")
        .contains("spec.templates[0].steps[0][0].template")
        .contains("\"whalesay\"")
        .contains("\"main\", \"say\"");
  }

  @Test
  void anUnknownEntrypointIsRefused() {
    assertThat(
            problems(
                "  entrypoint: mian\n  templates:\n    - name: main\n      container: {image: a}\n",
                Map.of()))
        .contains("wf.yaml:6:")
        .contains("spec.entrypoint")
        .contains("\"mian\"")
        .contains("\"main\"");
  }

  @Test
  void anExpressionThatDoesNotParseIsRefusedWithWhereItIs() {
    String p =
        problems(
            """
              entrypoint: main
              templates:
                - name: main
                  container: {image: alpine, command: [echo, "{{= 1 + }}"]}
            """,
            Map.of());

    assertThat(p).contains("wf.yaml:9:").contains("spec.templates[0].container.command[1]");
  }

  @Test
  void anUnclosedTagIsRefused() {
    assertThat(
            problems(
                "  entrypoint: main\n  templates:\n    - name: main\n"
                    + "      container: {image: a, args: [\"{{inputs.parameters.x\"]}\n",
                Map.of()))
        .contains("Cannot find end tag");
  }

  @Test
  void aTemplateRefToAnAbsentWorkflowTemplateSaysWhereTemplatesComeFrom() {
    String p =
        problems(
            """
              entrypoint: main
              templates:
                - name: main
                  steps:
                    - - name: a
                        templateRef: {name: lib, template: t}
            """,
            Map.of());

    assertThat(p).contains("no WorkflowTemplate named \"lib\"").contains("--templates DIR");
  }

  @Test
  void workflowTemplatesInTheSameFileAreUsed() throws Exception {
    String text =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata: {name: lib}
        spec:
          templates:
            - name: t
              container: {image: alpine}
        ---
        """
            + HEAD
            + """
              entrypoint: main
              templates:
                - name: main
                  steps:
                    - - name: a
                        templateRef: {name: lib, template: t}
            """;

    LoadedWorkflow loaded = WorkflowFiles.load(text, "wf.yaml", null, Map.of(), null);

    assertThat(loaded.templates().workflowTemplates()).hasSize(1);
  }

  @Test
  void aFileWithoutWorkflowIsRefused() {
    assertThatThrownBy(() ->
            WorkflowFiles.load(
                "apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n",
                "secret.yaml",
                null,
                Map.of(),
                null))
        .isInstanceOf(InvalidWorkflowException.class)
        .hasMessageContaining("cannot be run");
    // a ConfigMap may come with a workflow (semaphore limits), but is not one
    assertThatThrownBy(() ->
            WorkflowFiles.load(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
                "cm.yaml",
                null,
                Map.of(),
                null))
        .isInstanceOf(InvalidWorkflowException.class)
        .hasMessageContaining("no Workflow found");
  }
}
