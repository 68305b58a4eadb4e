package io.argo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.cli.commands.BaseCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;

class CliTest {
  private static final String ESC = "\u001B[";

  @Test
  void helpListsVerbsThatWorkApartFromThoseNotImplementedYet() {
    Run run = Run.argo4j("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    String working = run.out().substring(0, run.out().indexOf(Cli.NOT_IMPLEMENTED_HEADING));
    String notYet = run.out().substring(run.out().indexOf(Cli.NOT_IMPLEMENTED_HEADING));
    assertThat(working)
        .contains("Commands:", "  version ", "  completion ", "  help ", "  run ", "  get ")
        .contains("  list ", "  logs ", "  wait ", "  delete ", "  stop ", "  terminate ")
        .contains("  retry ", "  resubmit ", "  watch ", "  template ", "  cluster-template ");
    assertThat(notYet).contains("  cron ", "  archive ").doesNotContain("  run ");
    assertThat(run.out()).contains("Global flags:", "--namespace", "--no-color", "Exit codes:");
  }

  @Test
  void noArgumentsPrintsHelp() {
    Run run = Run.argo4j();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: argo4j [OPTIONS] COMMAND");
  }

  @Test
  void aGroupAlonePrintsItsHelp() {
    Run run = Run.argo4j("cron");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: argo4j cron", "backfill", "suspend");
  }

  @Test
  void versionFlagPrintsTheProjectVersionAndJava() {
    Run run = Run.argo4j("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("argo4j " + BuildInfo.current().version() + System.lineSeparator())
        .contains("Java " + System.getProperty("java.version"));
    assertThat(BuildInfo.current().version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void versionVerbPrintsLikeArgoVersion() {
    Run run = Run.argo4j("version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList())
        .first()
        .isEqualTo("argo4j: v" + BuildInfo.current().version());
    assertThat(run.out())
        .contains(
            "  BuildDate: ", "  JavaVersion: ", "  Platform: " + BuildInfo.current().platform());
    assertThat(run.out().contains("  GitCommit: "))
        .isEqualTo(BuildInfo.current().gitCommit().isPresent());
  }

  @Test
  void versionShortPrintsOneLine() {
    Run run = Run.argo4j("version", "--short");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("argo4j: v" + BuildInfo.current().version() + "\n");
  }

  @Test
  void anUnimplementedVerbSaysSoAndExits2() {
    Run run = Run.argo4j("cron", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "argo4j cron list: not implemented yet (see `argo4j --help` for what works today)\n");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAHintAndNoStackTrace() {
    Run run = Run.argo4j("submit", "--bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "argo4j submit: Unknown option: '--bogus'\n"
                + "Try 'argo4j submit --help' for more information.\n");
  }

  @Test
  void anUnknownCommandSuggestsTheNearestOnes() {
    Run run = Run.argo4j("sumbit");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith("argo4j: unknown command 'sumbit'\n")
        .contains("Did you mean: argo4j submit")
        .endsWith("Try 'argo4j --help' for more information.\n");
  }

  @Test
  void aMissingArgumentOrBadValueIsAUsageError() {
    assertThat(Run.argo4j("run").err())
        .startsWith("argo4j run: Missing required parameter: 'FILE'");
    Run badEnum = Run.argo4j("run", "wf.yaml", "-o", "xml");
    assertThat(badEnum.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badEnum.err())
        .startsWith(
            "argo4j run: Invalid value for option '--output': expected one of json, yaml, wide but"
                + " was 'xml'");
    Run badParameter = Run.argo4j("run", "wf.yaml", "-p", "novalue");
    assertThat(badParameter.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badParameter.err()).contains("option '--parameter'").doesNotContain("option option");
  }

  @Test
  void enumValuesAreCaseInsensitive() {
    Run run = Run.argo4j("run", "no-such-wf.yaml", "-o", "JSON", "--loglevel", "DEBUG");

    assertThat(run.err()).isEqualTo("argo4j run: no-such-wf.yaml: no such file (FILE)\n");
  }

  @Test
  void helpIsColouredOnATerminal() {
    assertThat(Run.argo4j(Map.of(), Help.Ansi.ON, "--help").out()).contains(ESC);
    assertThat(Run.argo4j(Map.of("NO_COLOR", ""), Help.Ansi.ON, "--help").out()).contains(ESC);
  }

  @Test
  void noColorEnvironmentVariableTurnsColourOff() {
    Run run = Run.argo4j(Map.of("NO_COLOR", "1"), Help.Ansi.ON, "--help");

    assertThat(run.out()).isNotEmpty().doesNotContain(ESC);
  }

  @Test
  void noColorFlagTurnsColourOffAnywhereOnTheLine() {
    assertThat(Run.argo4j(Map.of(), Help.Ansi.ON, "--no-color", "--help").out())
        .isNotEmpty()
        .doesNotContain(ESC);
    Run usageError = Run.argo4j(Map.of(), Help.Ansi.ON, "submit", "--bogus", "--no-color");
    assertThat(usageError.err()).isNotEmpty().doesNotContain(ESC);
    assertThat(Run.argo4j(Map.of(), Help.Ansi.ON, "submit", "--no-color", "--help").out())
        .doesNotContain(ESC);
  }

  @Test
  void dumbTerminalGetsNoColour() {
    assertThat(Run.argo4j(Map.of("TERM", "dumb"), Help.Ansi.ON, "--help").out())
        .doesNotContain(ESC);
  }

  @Test
  void completionBashPrintsAScriptCoveringEveryVerb() {
    Run run = Run.argo4j("completion", "bash");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_argo4j", "cluster-template", "backfill", "--namespace");
  }

  @Test
  void completionZshIsTheBashScriptWhichLoadsBashcompinit() {
    Run run = Run.argo4j("completion", "zsh");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("bashcompinit", "complete -F _complete_argo4j");
  }

  @Test
  void completionFishIsNotSupportedYet() {
    Run run = Run.argo4j("completion", "fish");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("argo4j completion: fish is not supported yet");
  }

  @Test
  void globalFlagsWorkBeforeAndAfterTheVerb() {
    assertThat(Run.argo4j(Probe::install, "-n", "before", "probe").out()).isEqualTo("before\n");
    assertThat(Run.argo4j(Probe::install, "probe", "--namespace", "after").out())
        .isEqualTo("after\n");
    assertThat(Run.argo4j(Probe::install, "probe").out()).isEqualTo("default\n");
  }

  @Test
  void anUnexpectedExceptionIsOneLineAndExit3() {
    Run run = Run.argo4j(Boom::install, "boom");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(run.err()).isEqualTo("argo4j: internal error: kaboom\nrun with -v for details\n");
  }

  @Test
  void verboseShowsTheStackTraceOfAnInternalError() {
    Run run = Run.argo4j(Boom::install, "boom", "-v");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(run.err())
        .startsWith("argo4j: internal error: kaboom\n")
        .contains("java.lang.IllegalStateException: kaboom", "at io.argo4j.cli.CliTest$Boom");
  }

  @Test
  void aCliExceptionIsOneLineWithItsExitCode() {
    Run run = Run.argo4j(Fail::install, "fail");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).isEqualTo("argo4j fail: workflow hello failed\n");
  }

  @Test
  void anInternalErrorWithoutMessageNamesTheException() {
    assertThat(Cli.internalError(new NullPointerException()))
        .isEqualTo("argo4j: internal error: java.lang.NullPointerException");
  }

  @Command(name = "probe")
  static final class Probe extends BaseCommand {
    static void install(picocli.CommandLine commandLine) {
      commandLine.addSubcommand(new Probe());
    }

    @Override
    public Integer call() {
      out().println(namespace());
      return ExitCodes.OK;
    }
  }

  @Command(name = "boom")
  static final class Boom extends BaseCommand {
    static void install(picocli.CommandLine commandLine) {
      commandLine.addSubcommand(new Boom());
    }

    @Override
    public Integer call() {
      throw new IllegalStateException("kaboom");
    }
  }

  @Command(name = "fail")
  static final class Fail extends BaseCommand {
    static void install(picocli.CommandLine commandLine) {
      commandLine.addSubcommand(new Fail());
    }

    @Override
    public Integer call() throws CliException {
      throw new CliException(ExitCodes.FAILURE, "workflow hello failed");
    }
  }
}
