package io.argo4j.kubeapitest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binaries are looked for where kube-api-test looks, and only complete sets count. */
class KubeApiServerBinariesTest {
  @TempDir Path dir;

  private void install(String versionDir, List<String> binaries) throws Exception {
    Path d = Files.createDirectories(dir.resolve("k8s").resolve(versionDir));
    for (String b : binaries) {
      Files.writeString(d.resolve(b), "#!/bin/sh\n");
      Files.setPosixFilePermissions(d.resolve(b), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void theHighestCompleteVersionIsChosen() throws Exception {
    install("1.9.0-linux-amd64", KubeApiServerBinaries.REQUIRED);
    install("1.34.1-linux-amd64", KubeApiServerBinaries.REQUIRED);
    install("1.35.0-linux-amd64", List.of("etcd", "kube-apiserver")); // no kubectl

    assertThat(KubeApiServerBinaries.locate(dir))
        .contains(new KubeApiServerBinaries(dir, "1.34.1"));
  }

  @Test
  void nothingIsFoundInAnEmptyOrMissingDirectory() {
    assertThat(KubeApiServerBinaries.locate(dir)).isEmpty();
    assertThat(KubeApiServerBinaries.locate(dir.resolve("absent"))).isEmpty();
    assertThat(KubeApiServerBinaries.missing(dir))
        .contains("etcd, kube-apiserver, kubectl")
        .contains(dir.resolve("k8s").toString());
  }

  @Test
  void theDirectoryComesFromTheEnvironmentElseTheHomeDirectory() {
    Path home = Path.of("/home/someone");

    assertThat(KubeApiServerBinaries.testDir(Map.of("KUBE_API_TEST_DIR", "/opt/k"), home))
        .isEqualTo(Path.of("/opt/k"));
    assertThat(KubeApiServerBinaries.testDir(Map.of(), home))
        .isEqualTo(home.resolve(".kubeapitest"));
  }
}
