package io.argo4j.executor.internal;

import io.argo4j.executor.ImageMap;
import io.argo4j.model.ContainerNode;
import io.argo4j.model.ContainerSetTemplate;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the containers of a {@code containerSet} as processes of one step, as Kubernetes runs them
 * in one pod: a generated POSIX shell script starts each container once all its dependencies exited
 * 0 (containers whose dependencies are met run in parallel), never starts one whose dependency
 * failed, and records each container's exit code in {@link #statusPath(String)}, collected as an
 * output parameter named {@link #STATUS_PREFIX}{@code <container>}. Only the container named {@code
 * main} writes to the step's stdout (Argo takes {@code outputs.result} from it); the others write
 * to stderr, so their output stays in the step's log. The script exits 0 when every container did.
 */
public final class ContainerSetScript {

  /** Output parameters with this prefix carry a container's exit code, not a template output. */
  public static final String STATUS_PREFIX = "argo4j.container.";

  private static final String STATUS_DIR = "/tmp/argo4j-container-set";

  private ContainerSetScript() {}

  public static String statusPath(String container) {
    return STATUS_DIR + "/" + container;
  }

  /** The container whose image the step records: {@code main} if there is one, else the first. */
  public static ContainerNode primary(ContainerSetTemplate set) {
    return set.containers().stream()
        .filter(c -> "main".equals(c.name()))
        .findFirst()
        .orElse(set.containers().get(0));
  }

  /**
   * The script.
   *
   * @throws IllegalArgumentException naming the container when one cannot run on this machine
   */
  public static String of(ContainerSetTemplate set, ImageMap images) {
    List<ContainerNode> containers = set.containers();
    Map<String, ContainerNode> byName = new LinkedHashMap<>();
    for (ContainerNode c : containers) {
      if (c.name() == null || c.name().isBlank() || !c.name().matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("container name '" + c.name() + "' is not valid");
      }
      byName.put(c.name(), c);
    }
    StringBuilder sh = new StringBuilder("S=" + STATUS_DIR + "\nmkdir -p \"$S\"\n");
    for (ContainerNode c : containers) {
      sh.append(function(c, byName, images));
    }
    for (List<String> wave : waves(containers, byName)) {
      for (String name : wave) {
        sh.append("run_").append(fn(name)).append(" &\n");
      }
      sh.append("wait\n");
    }
    sh.append("rc=0\n");
    for (ContainerNode c : containers) {
      sh.append("s=$(cat \"$S/")
          .append(c.name())
          .append("\" 2>/dev/null)\n")
          .append("if [ \"$rc\" = 0 ] && [ \"$s\" != 0 ]; then rc=${s:-1}; fi\n");
    }
    return sh.append("exit $rc\n").toString();
  }

  private static String function(
      ContainerNode c, Map<String, ContainerNode> byName, ImageMap images) {
    if (c.image() == null || c.image().isBlank()) {
      throw new IllegalArgumentException("container '" + c.name() + "' has no image");
    }
    ImageMap.Resolution image = images.resolve(c.image());
    List<String> command = nonNull(c.command());
    List<String> args = nonNull(c.args());
    List<String> argv = new ArrayList<>(command.isEmpty() ? image.entrypoint() : command);
    argv.addAll(command.isEmpty() && args.isEmpty() ? image.defaultArgs() : args);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException(
          "container '"
              + c.name()
              + "' (image "
              + c.image()
              + ") gives no command and argo4j knows no entrypoint for its image; give a command"
              + " or map the image in "
              + images.configPath());
    }
    argv.set(0, image.aliases().getOrDefault(argv.get(0), argv.get(0)));
    Map<String, String> env = new LinkedHashMap<>(image.env());
    for (EnvVar e : nonNull(c.env())) {
      if (e.getValueFrom() != null) {
        throw new IllegalArgumentException(
            "container '"
                + c.name()
                + "': env "
                + e.getName()
                + " uses valueFrom, which needs Kubernetes; give it a value instead");
      }
      env.put(e.getName(), e.getValue() == null ? "" : e.getValue());
    }
    StringBuilder f = new StringBuilder("run_").append(fn(c.name())).append("() {\n");
    for (String dep : nonNull(c.dependencies())) {
      if (!byName.containsKey(dep)) {
        throw new IllegalArgumentException(
            "container '" + c.name() + "' depends on '" + dep + "', which is not in the set");
      }
      f.append("  [ \"$(cat \"$S/").append(dep).append("\" 2>/dev/null)\" = 0 ] || return 0\n");
    }
    f.append("  (\n");
    if (!image.extraPath().isEmpty()) {
      f.append("    PATH=\"$PATH:").append(String.join(":", image.extraPath())).append("\"\n");
    }
    env.forEach(
        (k, v) -> f.append("    export ").append(k).append('=').append(quote(v)).append('\n'));
    if (c.workingDir() != null && !c.workingDir().isBlank()) {
      f.append("    cd ").append(quote(c.workingDir())).append(" || exit 1\n");
    }
    f.append("    exec");
    argv.forEach(a -> f.append(' ').append(quote(a)));
    f.append(c.name().equals("main") ? "\n" : " >&2\n");
    f.append("  )\n  echo $? > \"$S/").append(c.name()).append("\"\n}\n");
    return f.toString();
  }

  /** The containers in waves: each wave's dependencies are all in earlier waves. */
  private static List<List<String>> waves(
      List<ContainerNode> containers, Map<String, ContainerNode> byName) {
    List<List<String>> waves = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (placed.size() < containers.size()) {
      List<String> wave = new ArrayList<>();
      for (ContainerNode c : containers) {
        if (!placed.contains(c.name()) && placed.containsAll(nonNull(c.dependencies()))) {
          wave.add(c.name());
        }
      }
      if (wave.isEmpty()) {
        throw new IllegalArgumentException("the containers' dependencies form a cycle");
      }
      placed.addAll(wave);
      waves.add(wave);
    }
    return waves;
  }

  private static String fn(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_") + "_" + Integer.toHexString(name.hashCode());
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
