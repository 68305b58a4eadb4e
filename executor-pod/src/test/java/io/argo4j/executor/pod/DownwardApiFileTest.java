package io.argo4j.executor.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argo4j.executor.pod.internal.DownwardApiFile;
import io.argo4j.executor.pod.internal.ExecutionControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotations file as the kubelet writes it (Go-quoted values). */
class DownwardApiFileTest {

  @TempDir Path tmp;

  @Test
  void readsGoQuotedValues() {
    String text =
        "a=\"plain\"\n"
            + "b=\"{\\\"deadline\\\":\\\"2026-01-02T03:04:05Z\\\"}\"\n"
            + "c=\"line1\\nline2\\ttab \\\\ back\"\n"
            + "d=\"caf\\u00e9 \\xe2\\x82\\xac\"\n";
    assertThat(DownwardApiFile.parse(text))
        .containsEntry("a", "plain")
        .containsEntry("b", "{\"deadline\":\"2026-01-02T03:04:05Z\"}")
        .containsEntry("c", "line1\nline2\ttab \\ back")
        .containsEntry("d", "café €");
  }

  @Test
  void refusesMalformedLinesNamingThem() {
    assertThatThrownBy(() -> DownwardApiFile.parse("ok=\"x\"\nnot a line\n"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> DownwardApiFile.parse("a=\"open\n"))
        .hasMessageContaining("line 1: unterminated");
  }

  @Test
  void theExecutionDeadlineIsReadAndAnythingElseMeansNoRequest() throws Exception {
    Path f = tmp.resolve("annotations");
    assertThat(ExecutionControl.deadline(f)).isEmpty(); // not mounted yet
    Files.writeString(
        f, "workflows.argoproj.io/execution=\"{\\\"deadline\\\":\\\"2026-01-02T03:04:05Z\\\"}\"\n");
    assertThat(ExecutionControl.deadline(f)).contains(Instant.parse("2026-01-02T03:04:05Z"));
    Files.writeString(
        f,
        "workflows.argoproj.io/execution=\"{\\\"deadline\\\":\\\"2026-01-02T05:04:05+02:00\\\"}\"\n");
    assertThat(ExecutionControl.deadline(f)).contains(Instant.parse("2026-01-02T03:04:05Z"));
    Files.writeString(f, "workflows.argoproj.io/execution=\"{}\"\n");
    assertThat(ExecutionControl.deadline(f)).isEmpty();
    Files.writeString(f, "workflows.argoproj.io/execution=\"not json\"\n");
    assertThat(ExecutionControl.deadline(f)).isEmpty();
  }
}
