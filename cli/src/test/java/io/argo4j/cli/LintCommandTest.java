package io.argo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.cli.commands.LintCommand;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  private static final String VALID =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: hello-
      spec:
        entrypoint: main
        templates:
          - name: main
            container:
              image: alpine:3
      """;

  private static final String TYPO =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: hello-
      spec:
        entrypoint: mian
        templates:
          - name: main
            container:
              image: alpine:3
              imagePulPolicy: Always
      """;

  private static final String USES_SHARED =
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
                  templateRef: {name: shared, template: echo}
      """;

  private static final String SHARED =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: shared
      spec:
        templates:
          - name: echo
            container: {image: alpine:3}
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aValidFileExits0() throws Exception {
    Path wf = write("ok.yaml", VALID);

    Run run = Run.argo4j("lint", wf.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEqualTo("1 file, 1 document checked: no problems found\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void errorsArePrintedWithFileLineColumnPathAndExit1() throws Exception {
    Path wf = write("typo.yaml", TYPO);

    Run run = Run.argo4j("lint", wf.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out())
        .isEqualTo(
            wf
                + ":6:15: error: spec.entrypoint: template \"mian\" is not defined in"
                + " spec.templates; expected: one of \"main\" [template-ref]\n"
                + wf
                + ":11:9: error: spec.templates[0].container.imagePulPolicy: unknown field"
                + " \"imagePulPolicy\"; expected: \"imagePullPolicy\" [unknown-field]\n"
                + "1 file, 1 document checked: 2 errors, 0 warnings\n");
  }

  @Test
  void notStrictTurnsUnknownFieldsIntoWarnings() throws Exception {
    Path wf = write("typo.yaml", TYPO.replace("mian", "main"));

    Run run = Run.argo4j("lint", "--strict=false", "-o", "simple", wf.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith(wf + ":11:9: warning: ").doesNotContain("checked");
  }

  @Test
  void jsonOutputIsMachineReadable() throws Exception {
    Path wf = write("typo.yaml", TYPO);

    Run run = Run.argo4j("lint", "-o", "json", wf.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isEqualTo(2);
    assertThat(json.get("findings").get(0).get("rule").asText()).isEqualTo("template-ref");
    assertThat(json.get("findings").get(0).get("line").asInt()).isEqualTo(6);
  }

  @Test
  void readsStandardInputForDash() {
    Run run =
        Run.argo4j(
            cl ->
                ((LintCommand) cl.getSubcommands().get("lint").getCommand())
                    .readingStdinFrom(
                        new ByteArrayInputStream(TYPO.getBytes(StandardCharsets.UTF_8))),
            "lint",
            "-o",
            "simple",
            "-");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).startsWith("<stdin>:6:15: error: spec.entrypoint: ");
  }

  @Test
  void templateRefsResolveAcrossTheFilesGivenOrATemplatesFolder() throws Exception {
    Path wf = write("wf/uses.yaml", USES_SHARED);
    Path shared = write("templates/shared.yaml", SHARED);

    Run alone = Run.argo4j("lint", "-o", "simple", wf.toString());
    Run together = Run.argo4j("lint", wf.toString(), shared.toString());
    Run withFolder =
        Run.argo4j("lint", "--templates", shared.getParent().toString(), wf.toString());

    assertThat(alone.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(alone.out()).contains("WorkflowTemplate \"shared\" is not in the lint set");
    assertThat(together.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(together.out()).contains("2 files, 2 documents checked: no problems found");
    assertThat(withFolder.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(withFolder.out()).contains("1 file, 1 document checked: no problems found");
  }

  @Test
  void kindsNotSelectedAreSkipped() throws Exception {
    Path wf = write("typo.yaml", TYPO);
    Path shared = write("shared.yaml", SHARED);

    Run run = Run.argo4j("lint", "--kinds", "workflowtemplates", wf.toString(), shared.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out())
        .contains(wf + ":1:1: skipped: Workflow hello-: not selected by --kinds")
        .contains("2 files, 1 document checked");
  }

  @Test
  void otherKubernetesKindsAreSkippedNotErrors() throws Exception {
    Path cm = write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");

    Run run = Run.argo4j("lint", cm.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("skipped: ConfigMap c: not an Argo kind (v1)");
  }

  @Test
  void aFileThatIsNotYamlIsAnErrorWithItsPosition() throws Exception {
    Path bad = write("bad.yaml", "apiVersion: v1\nkind: [unclosed\n");

    Run run = Run.argo4j("lint", "-o", "simple", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).startsWith(bad + ":3:1: error: invalid YAML").endsWith("[syntax]\n");
  }

  @Test
  void usageErrorsExit2() {
    assertThat(Run.argo4j("lint").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Run.argo4j("lint", "-o", "xml", "wf.yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    Run missingTemplates = Run.argo4j("lint", "--templates", dir.resolve("none").toString(), "x");
    assertThat(missingTemplates.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingTemplates.err()).contains("--templates", "no such file or folder");
  }

  @Test
  void aMissingFileIsAnError() {
    Run run = Run.argo4j("lint", "-o", "simple", dir.resolve("missing.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).contains("missing.yaml: error: no such file or folder [io]");
  }
}
