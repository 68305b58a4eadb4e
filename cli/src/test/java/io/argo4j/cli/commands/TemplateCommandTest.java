package io.argo4j.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code template} and {@code cluster-template} keep templates in the local store, where {@code
 * run} and {@code submit} find them, and {@code submit --from} runs one.
 */
class TemplateCommandTest {
  @TempDir Path dir;

  private LocalCli.Run argo4j(String... args) {
    return new LocalCli(dir.resolve("state")).argo4j(args);
  }

  private String file(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  private static final String GREETER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata: {name: greeter}
      spec:
        entrypoint: greet
        arguments:
          parameters: [{name: msg, value: hello}]
        templates:
          - name: greet
            inputs: {parameters: [{name: msg}]}
            container: {image: alpine, command: [echo, "said {{inputs.parameters.msg}}"]}
      """;

  private static final String USES_GREETER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: uses-}
      spec:
        entrypoint: main
        templates:
          - name: main
            steps:
              - - name: hi
                  templateRef: {name: greeter, template: greet}
                  arguments:
                    parameters: [{name: msg, value: from-ref}]
      """;

  @Test
  void aStoredTemplateIsListedRunFromAndReferredTo() throws Exception {
    LocalCli.Run create = argo4j("template", "create", file("greeter.yaml", GREETER));
    LocalCli.Run again = argo4j("template", "create", file("greeter.yaml", GREETER));

    assertThat(create.exitCode()).as(create.err()).isZero();
    assertThat(create.out()).isEqualTo("greeter\n");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(again.err()).contains("WorkflowTemplate greeter exists already; use update");
    assertThat(argo4j("template", "list").out()).startsWith("NAME").contains("\ngreeter ");
    assertThat(argo4j("template", "get", "greeter", "-o", "yaml").out())
        .contains("name: greeter")
        .contains("uid: ");

    LocalCli.Run from =
        argo4j("submit", "--from", "wftmpl/greeter", "-p", "msg=from-cli", "--wait", "-o", "name");
    assertThat(from.exitCode()).as(from.err()).isZero();
    String name = from.out().lines().findFirst().orElseThrow();
    assertThat(name).startsWith("greeter-");
    assertThat(argo4j("logs", name).out()).contains(": said from-cli\n");
    assertThat(
            argo4j("list", "-l", "workflows.argoproj.io/workflow-template=greeter", "-o", "name")
                .out())
        .isEqualTo(name + "\n");

    LocalCli.Run run = argo4j("run", file("uses.yaml", USES_GREETER));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(argo4j("logs", "@latest").out()).contains(": said from-ref\n");

    assertThat(argo4j("template", "delete", "greeter").out())
        .isEqualTo("WorkflowTemplate 'greeter' deleted\n");
    LocalCli.Run gone = argo4j("submit", "--from", "wftmpl/greeter");
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(gone.err()).contains("WorkflowTemplate greeter not found in namespace default");
    LocalCli.Run unresolved = argo4j("run", file("uses.yaml", USES_GREETER));
    assertThat(unresolved.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unresolved.err()).contains("greeter");
  }

  @Test
  void aClusterTemplateIsVisibleFromEveryNamespaceAndUpdateReplacesIt() throws Exception {
    String cluster = GREETER.replace("kind: WorkflowTemplate", "kind: ClusterWorkflowTemplate");
    assertThat(argo4j("cluster-template", "create", file("c.yaml", cluster)).exitCode()).isZero();
    LocalCli.Run update =
        argo4j(
            "cluster-template",
            "update",
            file("c2.yaml", cluster.replace("said {{", "now said {{")));
    assertThat(update.exitCode()).as(update.err()).isZero();

    LocalCli.Run run =
        argo4j(
            "-n",
            "team-a",
            "run",
            file(
                "uses.yaml",
                USES_GREETER.replace("template: greet}", "template: greet, clusterScope: true}")));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(argo4j("-n", "team-a", "logs", "@latest").out()).contains(": now said from-ref\n");
    assertThat(argo4j("cluster-template", "list", "-o", "name").out()).isEqualTo("greeter\n");
  }

  @Test
  void anInvalidTemplateOrAnotherKindStoresNothing() throws Exception {
    LocalCli.Run bad =
        argo4j(
            "template",
            "create",
            file("good.yaml", GREETER),
            file("bad.yaml", GREETER.replace("entrypoint: greet", "entrypoint: nope")));
    LocalCli.Run workflow = argo4j("template", "create", file("wf.yaml", USES_GREETER));

    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("bad.yaml:").contains("nope").contains("nothing was stored");
    assertThat(workflow.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(workflow.err()).contains("a Workflow is not a WorkflowTemplate");
    assertThat(argo4j("template", "list", "-o", "name").out()).isEmpty();
  }
}
