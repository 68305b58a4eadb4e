package io.argo4j.kubeapitest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kube-apiserver, etcd and kubectl binaries that fabric8 kube-api-test runs, found where it
 * looks for them: {@code <dir>/k8s/<version>-<os>-<arch>/}, with {@code <dir>} from {@code
 * KUBE_API_TEST_DIR} or {@code ~/.kubeapitest}. They cannot be downloaded on machines without
 * network access, so tests skip (or, under {@code -Pkube-api-test}, fail) when they are absent.
 */
record KubeApiServerBinaries(Path testDir, String version) {

  static final List<String> REQUIRED = List.of("etcd", "kube-apiserver", "kubectl");

  static Path testDir(Map<String, String> env, Path home) {
    String dir = env.get("KUBE_API_TEST_DIR");
    return dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".kubeapitest");
  }

  /** The highest version whose directory holds all three executables, if any. */
  static Optional<KubeApiServerBinaries> locate(Path testDir) {
    Path k8s = testDir.resolve("k8s");
    if (!Files.isDirectory(k8s)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(k8s)) {
      return dirs.filter(KubeApiServerBinaries::complete)
          .map(d -> d.getFileName().toString())
          .filter(name -> name.matches("\\d+\\.\\d+\\.\\d+-.+"))
          .map(name -> name.substring(0, name.indexOf('-')))
          .max(Comparator.comparing(KubeApiServerBinaries::versionKey, Arrays::compare))
          .map(v -> new KubeApiServerBinaries(testDir, v));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Why the tests cannot run, and how to make them run. */
  static String missing(Path testDir) {
    return "no kube-apiserver here: put "
        + String.join(", ", REQUIRED)
        + " in "
        + testDir.resolve("k8s/<version>-linux-amd64/")
        + " (or set KUBE_API_TEST_DIR) to run the controller against a real API server"
        + " (docs/kubernetes.md, \"Real API server\")";
  }

  private static boolean complete(Path dir) {
    return REQUIRED.stream().allMatch(b -> Files.isExecutable(dir.resolve(b)));
  }

  private static int[] versionKey(String v) {
    return Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray();
  }
}
