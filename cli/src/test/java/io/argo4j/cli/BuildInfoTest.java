package io.argo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void platformIsSpelledAsGoSpellsIt() {
    assertThat(BuildInfo.platform("Linux", "amd64")).isEqualTo("linux/amd64");
    assertThat(BuildInfo.platform("Mac OS X", "aarch64")).isEqualTo("darwin/arm64");
    assertThat(BuildInfo.platform("Windows 11", "x86_64")).isEqualTo("windows/amd64");
    assertThat(BuildInfo.platform("FreeBSD", "riscv64")).isEqualTo("freebsd/riscv64");
  }

  @Test
  void theBuildFilteredItsVersionAndDate() {
    BuildInfo info = BuildInfo.current();

    assertThat(info.version()).doesNotContain("${").isNotEqualTo("unknown");
    assertThat(info.buildDate()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    info.gitCommit().ifPresent(commit -> assertThat(commit).matches("[0-9a-f]{40}"));
  }
}
