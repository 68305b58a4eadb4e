package io.argo4j.executor.pod.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.executor.PodStep;
import io.argo4j.executor.StepSpec;
import io.argo4j.executor.pod.PodLayout;
import io.argo4j.model.Template;
import io.argo4j.model.io.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The init container: places the wrapper, the script source and the raw input artifacts in the
 * shared volume, and prepares the step directory the main container's wrapper records into.
 */
public final class PodInit {
  private static final ObjectMapper MODEL = ModelJson.newObjectMapper();

  private PodInit() {}

  /**
   * Prepares {@code varRun} for the step of {@code env}'s template.
   *
   * @throws IllegalArgumentException when the template is malformed or cannot run in a pod
   */
  public static StepSpec run(PodEnvironment env, Path varRun) throws IOException {
    Template t = template(env);
    StepSpec spec = PodSteps.of(t, env);
    Files.createDirectories(varRun);
    PodStep.placeFile(varRun.resolve(PodLayout.WRAPPER_NAME), PodStep.wrapperScript(), 0755);
    List<String> args = new ArrayList<>(spec.args());
    if (spec.scriptSource() != null) {
      Path script = Path.of(PodLayout.script(varRun.toString()));
      PodStep.placeFile(script, spec.scriptSource(), 0755);
      args.add(script.toString());
    }
    for (StepSpec.InputFile f : spec.inputFiles()) {
      Path target = varRun.resolve(PodLayout.inputArtifactSubPath(f.path()));
      PodStep.placeFile(target, f.content(), f.mode() == null ? 0644 : f.mode());
    }
    List<String> argv =
        new ArrayList<>(
            PodLayout.mainCommand(varRun.toString(), spec.workingDir(), spec.command()));
    argv.addAll(args);
    Path stepDir = Path.of(PodLayout.stepDir(varRun.toString()));
    PodStep.prepare(spec, stepDir, argv);
    // The main container may run as another user than this one: it writes the step's records and
    // outputs here, and the wait container its signal requests.
    for (Path dir : List.of(stepDir, stepDir.resolve("fs"))) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    return spec;
  }

  /** The template of {@code env}, read as the controller wrote it. */
  public static Template template(PodEnvironment env) {
    try {
      return MODEL.readValue(env.templateJson(), Template.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          PodLayout.ENV_TEMPLATE + " is not a template as JSON: " + e.getMessage(), e);
    }
  }
}
