package io.argo4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ManifestReader;
import org.junit.jupiter.api.Test;

class TemplateStepsTest {

  private static Template template(String yaml) {
    String wf =
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n"
            + "  entrypoint: t\n  templates:\n"
            + yaml.indent(4);
    Workflow w = (Workflow) ManifestReader.strict().read(wf, "t.yaml").manifests().get(0);
    return w.spec().templates().get(0);
  }

  private static TemplateSteps.Translation translate(Template t, boolean captureResult) {
    return TemplateSteps.of(
        t, new TemplateSteps.StepTarget("ns", "wf", "wf-1", "wf.t", "wf-t-1", captureResult));
  }

  @Test
  void aContainerBecomesItsCommandArgsEnvAndWorkingDir() {
    Template t =
        template(
            """
            - name: t
              container:
                image: alpine:3.20
                command: [sh, -c]
                args: ["echo hi"]
                workingDir: /work
                env: [{name: A, value: "1"}]
                volumeMounts: [{name: scratch, mountPath: /scratch}]
            """);

    StepSpec spec = ((TemplateSteps.Ready) translate(t, true)).spec();

    assertThat(spec.image()).isEqualTo("alpine:3.20");
    assertThat(spec.command()).containsExactly("sh", "-c");
    assertThat(spec.args()).containsExactly("echo hi");
    assertThat(spec.workingDir()).isEqualTo("/work");
    assertThat(spec.env()).containsEntry("A", "1");
    assertThat(spec.extraPaths()).containsExactly("/scratch");
    assertThat(spec.captureResult()).isTrue();
    assertThat(spec.podName()).isEqualTo("wf-t-1");
    assertThat(spec.nodeId()).isEqualTo("wf-1");
    assertThat(spec.workflowName()).isEqualTo("wf");
    assertThat(spec.namespace()).isEqualTo("ns");
    assertThat(spec.templateName()).isEqualTo("t");
  }

  @Test
  void aScriptKeepsItsSourceAndTheInputsAndOutputsBecomeFiles() {
    Template t =
        template(
            """
            - name: t
              inputs:
                artifacts:
                  - {name: conf, path: /tmp/conf.ini, mode: 0600, raw: {data: "x = 1"}}
              outputs:
                parameters:
                  - {name: p, valueFrom: {path: /tmp/p.txt, default: none}}
                  - {name: q, valueFrom: {expression: "1 + 1"}}
                artifacts:
                  - {name: out, path: /tmp/out, optional: true}
              script:
                image: python:3.12
                command: [python3]
                source: print('hi')
            """);

    StepSpec spec = ((TemplateSteps.Ready) translate(t, false)).spec();

    assertThat(spec.scriptSource()).isEqualTo("print('hi')");
    assertThat(spec.command()).containsExactly("python3");
    assertThat(spec.inputFiles())
        .containsExactly(new StepSpec.InputFile("/tmp/conf.ini", "x = 1", 0600));
    assertThat(spec.outputParameters())
        .containsExactly(new StepSpec.OutputParameter("p", "/tmp/p.txt", "none"));
    assertThat(spec.outputArtifacts())
        .containsExactly(new StepSpec.OutputArtifact("out", "/tmp/out", true));
  }

  @Test
  void anArtifactFromARepositoryIsReportedAsUnsupported() {
    Template t =
        template(
            """
            - name: t
              inputs:
                artifacts:
                  - {name: data, path: /tmp/data, s3: {key: data.tgz}}
              container: {image: alpine, command: [ls]}
            """);

    assertThat(translate(t, false))
        .isInstanceOfSatisfying(
            TemplateSteps.Unsupported.class,
            u -> assertThat(u.message()).contains("'data'").contains("raw input artifacts only"));
  }

  @Test
  void anEnvValueFromIsReportedAsUnsupported() {
    Template t =
        template(
            """
            - name: t
              container:
                image: alpine
                env: [{name: S, valueFrom: {secretKeyRef: {name: s, key: k}}}]
            """);

    assertThat(translate(t, false))
        .isInstanceOfSatisfying(
            TemplateSteps.Unsupported.class, u -> assertThat(u.message()).contains("env S"));
  }
}
