package io.argo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help;

class StyleTest {

  @Test
  void colourFollowsTheTerminalByDefault() {
    assertThat(Style.detect(Help.Ansi.ON, Map.of(), List.of()).color()).isTrue();
    assertThat(Style.detect(Help.Ansi.OFF, Map.of(), List.of()).color()).isFalse();
  }

  @Test
  void noColorFlagOrEnvironmentTurnsItOff() {
    assertThat(Style.detect(Help.Ansi.ON, Map.of(), List.of("get", "--no-color")))
        .isEqualTo(Style.PLAIN);
    assertThat(Style.detect(Help.Ansi.ON, Map.of("NO_COLOR", "yes"), List.of()))
        .isEqualTo(Style.PLAIN);
    assertThat(Style.detect(Help.Ansi.ON, Map.of("TERM", "dumb"), List.of()))
        .isEqualTo(Style.PLAIN);
  }

  @Test
  void noColorAfterTheEndOfOptionsIsAnArgument() {
    assertThat(Style.detect(Help.Ansi.ON, Map.of(), List.of("run", "--", "--no-color")).color())
        .isTrue();
  }

  @Test
  void plainStyleLeavesTextAlone() {
    assertThat(Style.PLAIN.red("failed")).isEqualTo("failed");
    assertThat(Style.PLAIN.bold("name")).isEqualTo("name");
  }

  @Test
  void colourWrapsTextAndResets() {
    assertThat(new Style(true).green("ok")).isEqualTo("\u001B[32mok\u001B[0m");
    assertThat(new Style(true).apply("x")).isEqualTo("x");
  }
}
