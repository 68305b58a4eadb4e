package io.argo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.cli.commands.NotImplementedCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every verb of the {@code argo} CLI (reference/argo-inventory.md section 2) exists with its flags,
 * and each one not implemented yet says so and exits 2 when called correctly.
 */
class VerbsTest {

  /** Verb path; the least arguments it accepts; the argo flags it must declare. */
  static Stream<Arguments> argoVerbs() {
    return Stream.of(
        verb(
            "submit",
            "",
            "-p --parameter -f --parameter-file --entrypoint --name --generate-name -l --labels"
                + " --serviceaccount --priority --scheduled-time -w --wait --watch --log --dry-run"
                + " --server-dry-run --strict -o --output --status --node-field-selector --from"),
        verb(
            "list",
            "",
            "-A --all-namespaces --running --completed --status --since --older --prefix"
                + " --resubmitted -l --selector --field-selector --chunk-size --no-headers -o"),
        verb("get", "wf", "-o --status --node-field-selector --no-color --no-utf8"),
        verb(
            "logs",
            "wf",
            "-c --container -f --follow --grep -l --selector --since --since-time --tail"
                + " --timestamps -p --previous --no-color"),
        verb("watch", "wf", "--status --node-field-selector"),
        verb("wait", "", "--ignore-not-found"),
        verb(
            "delete",
            "",
            "--all -A --completed --older --prefix --resubmitted --status -l --field-selector"
                + " --force --dry-run --query-chunk-size"),
        verb("suspend", "wf", ""),
        verb("resume", "wf", "--node-field-selector"),
        verb("stop", "", "--message --node-field-selector -l --field-selector --dry-run"),
        verb("terminate", "", "-l --field-selector --dry-run"),
        verb(
            "retry",
            "",
            "--restart-successful --node-field-selector -p --parameter -l --field-selector -w"
                + " --watch --log -o"),
        verb("resubmit", "", "--memoized -p --priority -l --field-selector -w --watch --log -o"),
        verb("node set", "wf", "--node-field-selector --phase -m --message -p --output-parameter"),
        verb("lint", "wf.yaml", "--kinds --offline --strict -o --no-color"),
        verb("cp", "wf out", "--artifact-name --node-id --template-name --path"),
        verb("convert", "wf.yaml", "-o --no-color"),
        verb("template create", "t.yaml", "-o --strict"),
        verb("template get", "t", "-o"),
        verb("template list", "", "-A -l -o"),
        verb("template update", "t.yaml", "-o --strict"),
        verb("template delete", "", "--all"),
        verb("template lint", "t.yaml", "-o --strict"),
        verb("cluster-template create", "t.yaml", "-o --strict"),
        verb("cluster-template get", "t", "-o"),
        verb("cluster-template list", "", "-l -o"),
        verb("cluster-template update", "t.yaml", "-o --strict"),
        verb("cluster-template delete", "", "--all"),
        verb("cluster-template lint", "t.yaml", "-o --strict"),
        verb(
            "cron create",
            "c.yaml",
            "--schedule --entrypoint --name --generate-name -l -p -f --serviceaccount --strict -o"),
        verb("cron get", "c", "-o"),
        verb("cron list", "", "-A -l -o"),
        verb(
            "cron update",
            "c.yaml",
            "--entrypoint --name --generate-name -l -p -f --serviceaccount --strict -o"),
        verb("cron delete", "", "--all"),
        verb("cron lint", "c.yaml", "-o --strict"),
        verb("cron suspend", "c", ""),
        verb("cron resume", "c", ""),
        verb(
            "cron backfill",
            "c",
            "--name --start --end --argname --format --maxworkflowcount --parallel"),
        verb("archive list", "", "-l --chunk-size -o"),
        verb("archive get", "uid", "--uid --name -o"),
        verb("archive delete", "uid", "--uid --name"),
        verb(
            "archive retry",
            "uid",
            "--restart-successful --node-field-selector -p -w --watch --log"),
        verb("archive resubmit", "uid", "--memoized -p --priority"),
        verb("archive list-label-keys", "", ""),
        verb("archive list-label-values", "-l key", "-l"),
        verb("sync create", "k --type configmap --limit 1", "--type --cm-name --limit"),
        verb("sync get", "k --type database", "--type --cm-name"),
        verb("sync update", "k --type database --limit 2", "--type --cm-name --limit"),
        verb("sync delete", "k --type database", "--type --cm-name"),
        verb(
            "server",
            "",
            "--auth-mode -p --port -e --secure --tls-certificate-secret-name --base-href"
                + " --namespaced --managed-namespace --configmap --api-rate-limit --hsts"
                + " --x-frame-options --access-control-allow-origin --allowed-link-protocol"
                + " --event-worker-count --event-operation-queue-size --event-async-dispatch"
                + " --kube-api-qps --kube-api-burst -b --browser"),
        verb("auth token", "", ""),
        verb("executor-plugin build", "dir", ""),
        verb(
            "run",
            "wf.yaml",
            "-p --parameter -f --parameter-file --entrypoint --templates -o --state-dir"));
  }

  private static Arguments verb(String path, String args, String flags) {
    return Arguments.of(path, words(args), words(flags));
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : Arrays.asList(text.split(" "));
  }

  @ParameterizedTest(name = "argo4j {0}")
  @MethodSource("argoVerbs")
  void existsWithArgosFlags(String path, List<String> args, List<String> flags) {
    CommandSpec spec = find(path);

    assertThat(spec).as("argo4j %s", path).isNotNull();
    for (String flag : flags) {
      assertThat(spec.findOption(flag)).as("argo4j %s %s", path, flag).isNotNull();
    }
    assertThat(spec.findOption("--namespace")).as("global flags on %s", path).isNotNull();
  }

  @ParameterizedTest(name = "argo4j {0}")
  @MethodSource("argoVerbs")
  void notImplementedYetExits2WithOneLine(String path, List<String> args, List<String> flags) {
    CommandSpec spec = find(path);
    if (!(spec.userObject() instanceof NotImplementedCommand)) {
      return;
    }
    List<String> line = new ArrayList<>(words(path));
    line.addAll(args);
    line.addAll(List.of("-n", "ns", "--loglevel", "debug"));

    Run run = Run.argo4j(line.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "argo4j "
                + path
                + ": not implemented yet (see `argo4j --help` for what works today)\n");
  }

  @Test
  void theTopLevelVerbsAreArgosPlusRun() {
    assertThat(commandLine().getSubcommands().keySet())
        .containsExactlyInAnyOrder(
            "archive",
            "auth",
            "cluster-template",
            "completion",
            "convert",
            "cp",
            "cron",
            "delete",
            "executor-plugin",
            "get",
            "help",
            "lint",
            "list",
            "logs",
            "node",
            "resubmit",
            "resume",
            "retry",
            "run",
            "server",
            "stop",
            "submit",
            "suspend",
            "sync",
            "template",
            "terminate",
            "version",
            "wait",
            "watch");
  }

  @Test
  void everyCommandIsDescribedAndNamesItsValues() {
    forEachCommand(
        commandLine(),
        spec -> {
          assertThat(spec.usageMessage().description())
              .as("description of %s", spec.qualifiedName())
              .isNotEmpty();
          for (OptionSpec option : spec.options()) {
            if (option.arity().max() > 0 && !option.usageHelp() && !option.versionHelp()) {
              assertThat(option.paramLabel())
                  .as("value label of %s %s", spec.qualifiedName(), option.longestName())
                  .doesNotStartWith("<");
            }
          }
        });
  }

  private static void forEachCommand(
      CommandLine command, java.util.function.Consumer<CommandSpec> check) {
    check.accept(command.getCommandSpec());
    command.getSubcommands().values().forEach(sub -> forEachCommand(sub, check));
  }

  private static CommandSpec find(String path) {
    CommandLine command = commandLine();
    for (String name : path.split(" ")) {
      command = command.getSubcommands().get(name);
      if (command == null) {
        return null;
      }
    }
    return command.getCommandSpec();
  }

  private static CommandLine commandLine() {
    return Cli.commandLine(
        Style.PLAIN, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }
}
