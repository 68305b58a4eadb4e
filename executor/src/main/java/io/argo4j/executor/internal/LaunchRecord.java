package io.argo4j.executor.internal;

import io.argo4j.executor.SandboxMode;
import java.util.List;

/**
 * How a step was launched ({@code launch.json}): what a later reader needs to find its outputs, and
 * what a person needs to see what ran.
 *
 * @param mode the sandbox mode
 * @param image the image as the template names it
 * @param imageRule which rule the image matched (kind and pattern)
 * @param argv the program and arguments as run (after the image's entrypoint, aliases and script)
 * @param workingDir the working directory as the step sees it
 * @param privateRoots canonical paths whose content lives below {@code fs/} of the step directory
 * @param declaredPaths each declared path with its canonical form, {@code [declared, canonical]}
 * @param argoDir where {@code /argo} (argosay, the script source) is, as the step sees it
 */
public record LaunchRecord(
    SandboxMode mode,
    String image,
    String imageRule,
    List<String> argv,
    String workingDir,
    List<String> privateRoots,
    List<List<String>> declaredPaths,
    String argoDir) {

  public LaunchRecord {
    argv = argv == null ? List.of() : List.copyOf(argv);
    privateRoots = privateRoots == null ? List.of() : List.copyOf(privateRoots);
    declaredPaths = declaredPaths == null ? List.of() : List.copyOf(declaredPaths);
  }

  /** The canonical form of a declared path (itself if not recorded). */
  public String canonical(String declared) {
    for (List<String> pair : declaredPaths) {
      if (pair.get(0).equals(declared)) {
        return pair.get(1);
      }
    }
    return declared;
  }
}
