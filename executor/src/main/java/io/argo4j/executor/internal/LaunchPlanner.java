package io.argo4j.executor.internal;

import io.argo4j.executor.ImageMap;
import io.argo4j.executor.SandboxMode;
import io.argo4j.executor.StepSpec;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a {@link StepSpec} into what to run: the program and arguments (the image's entrypoint,
 * aliases, the script file), the environment, the working directory and the step's private paths.
 * Fails with a message saying what to do when the step cannot run on this host.
 */
public final class LaunchPlanner {
  private LaunchPlanner() {}

  /** Programs tried when the one named is missing (Debian has no {@code python} by default). */
  private static final Map<String, String> FALLBACKS = Map.of("python", "python3", "pip", "pip3");

  /** Packages to suggest when a well-known program is missing. */
  private static final Map<String, String> PACKAGES =
      Map.of(
          "cowsay", "cowsay",
          "python", "python3",
          "python3", "python3",
          "node", "nodejs",
          "go", "golang",
          "jq", "jq",
          "curl", "curl");

  /** Host variables a step inherits (plus LC_*); the rest of the runner's environment is not. */
  private static final List<String> INHERITED =
      List.of(
          "HOME",
          "USER",
          "LOGNAME",
          "LANG",
          "LANGUAGE",
          "TZ",
          "http_proxy",
          "https_proxy",
          "no_proxy",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "NO_PROXY",
          "SSL_CERT_FILE",
          "SSL_CERT_DIR");

  /**
   * What to run for one step.
   *
   * @param mode sandbox mode
   * @param rule the image's rule
   * @param argv program and arguments
   * @param env the step's environment
   * @param workingDir working directory as the step sees it
   * @param argoDir {@code /argo} as the step sees it
   * @param canonical each declared path (as the step names it) with its canonical form
   * @param privateRoots canonical paths whose content lives below the step's {@code fs/}
   * @param lockPaths canonical host paths the step needs to itself (mode none)
   */
  public record Launch(
      SandboxMode mode,
      ImageMap.Resolution rule,
      List<String> argv,
      Map<String, String> env,
      String workingDir,
      String argoDir,
      Map<String, String> canonical,
      List<String> privateRoots,
      List<String> lockPaths) {

    public String scriptPath() {
      return argoDir + "/staging/script";
    }

    public String canonical(String declared) {
      return canonical.getOrDefault(SandboxPaths.normalize(declared), declared);
    }

    public LaunchRecord record(String image) {
      List<List<String>> pairs = new ArrayList<>();
      canonical.forEach((k, v) -> pairs.add(List.of(k, v)));
      String ruleText =
          rule.kind().name().toLowerCase(java.util.Locale.ROOT)
              + (rule.pattern().isEmpty() ? "" : " " + rule.pattern());
      return new LaunchRecord(
          mode, image, ruleText, argv, workingDir, privateRoots, pairs, argoDir);
    }
  }

  public static Launch plan(
      StepSpec spec, Path stepDir, SandboxMode mode, ImageMap images, Map<String, String> hostEnv)
      throws StepFailure {
    validate(spec);
    boolean sandboxed = mode == SandboxMode.BWRAP;
    Path fsRoot = stepDir.resolve(StepFiles.FS);
    String argoDir = sandboxed ? "/argo" : fsRoot.resolve(StepFiles.ARGO_DIR).toString();
    String argoBin = argoDir + "/bin";

    // Paths private to the step.
    Set<String> declared = new LinkedHashSet<>();
    spec.inputFiles().forEach(f -> declared.add(SandboxPaths.normalize(f.path())));
    spec.outputParameters().forEach(p -> declared.add(SandboxPaths.normalize(p.path())));
    spec.outputArtifacts().forEach(a -> declared.add(SandboxPaths.normalize(a.path())));
    spec.extraPaths().forEach(p -> declared.add(SandboxPaths.normalize(p)));
    if (sandboxed) {
      declared.add("/tmp");
      declared.add("/argo");
    }
    String workingDir;
    if (spec.workingDir() != null && !spec.workingDir().isBlank()) {
      workingDir = SandboxPaths.normalize(spec.workingDir());
      if (!Files.exists(Path.of(SandboxPaths.canonical(workingDir)))
          && !SandboxPaths.isUnderAny(workingDir, declared)) {
        declared.add(workingDir);
      }
    } else {
      workingDir = sandboxed ? "/" : stepDir.resolve(StepFiles.WORK).toString();
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    for (String d : declared) {
      canonical.put(d, SandboxPaths.canonical(d));
    }
    List<String> privateRoots;
    List<String> lockPaths;
    if (sandboxed) {
      privateRoots = SandboxPaths.outermost(canonical.values());
      lockPaths = List.of();
    } else {
      List<String> outputs = new ArrayList<>();
      spec.outputParameters().forEach(p -> outputs.add(canonical.get(norm(p.path()))));
      spec.outputArtifacts().forEach(a -> outputs.add(canonical.get(norm(a.path()))));
      privateRoots = SandboxPaths.outermost(outputs);
      lockPaths = List.copyOf(new LinkedHashSet<>(canonical.values()));
    }

    // What runs.
    ImageMap.Resolution rule = images.resolve(spec.image());
    String scriptPath = argoDir + "/staging/script";
    List<String> templateArgs = new ArrayList<>(spec.args());
    if (spec.scriptSource() != null) {
      templateArgs.add(scriptPath);
    }
    if (spec.command().isEmpty() && rule.kind() == ImageMap.Kind.UNKNOWN) {
      // the image's entrypoint is unknown: its args alone do not say what to run
      throw new StepFailure(noCommand(spec.image(), images.configPath()));
    }
    List<String> argv =
        new ArrayList<>(spec.command().isEmpty() ? rule.entrypoint() : spec.command());
    if (!templateArgs.isEmpty()) {
      argv.addAll(templateArgs);
    } else if (spec.command().isEmpty()) {
      argv.addAll(rule.defaultArgs());
    }
    if (argv.isEmpty()) {
      throw new StepFailure(noCommand(spec.image(), images.configPath()));
    }

    // The environment: a few host variables, the image's, the template's; PATH reaches argosay.
    Map<String, String> env = new LinkedHashMap<>();
    for (String k : INHERITED) {
      if (hostEnv.containsKey(k)) {
        env.put(k, hostEnv.get(k));
      }
    }
    new TreeMap<>(hostEnv)
        .forEach((k, v) -> {
          if (k.startsWith("LC_")) {
            env.put(k, v);
          }
        });
    env.putAll(rule.env());
    env.putAll(spec.env());
    String hostPath = hostEnv.getOrDefault("PATH", "");
    String basePath =
        spec.env().getOrDefault("PATH", hostPath.isBlank() ? HostTools.DEFAULT_PATH : hostPath);
    StringBuilder path = new StringBuilder(argoBin).append(':').append(basePath);
    List<String> baseDirs = List.of(basePath.split(":"));
    for (String extra : rule.extraPath()) {
      if (!baseDirs.contains(extra)) {
        path.append(':').append(extra);
      }
    }
    env.put("PATH", path.toString());

    // The program, as the step's PATH finds it.
    Lookup lookup =
        new Lookup(
            List.of(path.toString().split(":")),
            argoBin,
            sandboxed,
            fsRoot,
            privateRoots,
            spec,
            scriptPath,
            canonical);
    String program = argv.get(0);
    program = rule.aliases().getOrDefault(program, program);
    boolean builtIn = rule.kind() != ImageMap.Kind.UNKNOWN && rule.kind() != ImageMap.Kind.USER;
    String resolved;
    if (program.contains("/")) {
      String view = program.startsWith("/") ? program : workingDir + "/" + program;
      if (lookup.exists(SandboxPaths.normalize(view))) {
        resolved = program;
      } else {
        String base = Path.of(program).getFileName().toString();
        resolved = builtIn ? lookup.find(base) : null;
      }
    } else {
      resolved = lookup.find(program);
    }
    if (resolved == null) {
      throw new StepFailure(notFound(spec.image(), program, path.toString(), images.configPath()));
    }
    argv.set(0, resolved);

    return new Launch(
        mode,
        rule,
        List.copyOf(argv),
        env,
        workingDir,
        argoDir,
        canonical,
        privateRoots,
        lockPaths);
  }

  private static String norm(String p) {
    return SandboxPaths.normalize(p);
  }

  /** Checks what the spec declares: an image, absolute paths without newline, NUL or "/". */
  public static void validate(StepSpec spec) throws StepFailure {
    if (spec.image().isBlank()) {
      throw new StepFailure("the template names no image");
    }
    for (StepSpec.InputFile f : spec.inputFiles()) {
      checkPath("input file", f.path());
    }
    for (StepSpec.OutputParameter p : spec.outputParameters()) {
      checkPath("output parameter '" + p.name() + "'", p.path());
    }
    for (StepSpec.OutputArtifact a : spec.outputArtifacts()) {
      checkPath("output artifact '" + a.name() + "'", a.path());
    }
    for (String p : spec.extraPaths()) {
      checkPath("path", p);
    }
    if (spec.workingDir() != null && !spec.workingDir().isBlank()) {
      checkPath("workingDir", spec.workingDir());
    }
  }

  private static void checkPath(String what, String path) throws StepFailure {
    if (!path.startsWith("/")) {
      throw new StepFailure(what + ": path '" + path + "' is not absolute");
    }
    if (path.indexOf('\n') >= 0 || path.indexOf('\0') >= 0) {
      throw new StepFailure(what + ": path '" + path + "' contains a newline or NUL");
    }
    if (SandboxPaths.normalize(path).equals("/")) {
      throw new StepFailure(what + ": path '/' cannot be private to a step");
    }
  }

  /** Finds programs the way the step will, before any of its files exist. */
  private record Lookup(
      List<String> pathDirs,
      String argoBin,
      boolean sandboxed,
      Path fsRoot,
      List<String> privateRoots,
      StepSpec spec,
      String scriptPath,
      Map<String, String> canonical) {

    /** The program as named if found in PATH, its fallback if that is found, else null. */
    String find(String name) {
      if (onPath(name)) {
        return name;
      }
      String fallback = FALLBACKS.get(name);
      return fallback != null && onPath(fallback) ? fallback : null;
    }

    private boolean onPath(String name) {
      for (String dir : pathDirs) {
        if (!dir.isEmpty() && dir.startsWith("/") && exists(dir + "/" + name)) {
          return true;
        }
      }
      return false;
    }

    /** Whether an executable will be at {@code view} (as the step sees it) when the step runs. */
    boolean exists(String view) {
      if (view.equals(argoBin + "/argosay") || view.equals(scriptPath)) {
        return true;
      }
      for (StepSpec.InputFile f : spec.inputFiles()) {
        if (SandboxPaths.normalize(f.path()).equals(view)) {
          return true;
        }
      }
      if (view.startsWith(argoBin + "/")) {
        return false;
      }
      String c = SandboxPaths.canonical(view);
      if (sandboxed && SandboxPaths.isUnderAny(c, privateRoots)) {
        return false;
      }
      Path p = Path.of(c);
      return Files.isRegularFile(p) && Files.isExecutable(p)
          || Files.isSymbolicLink(p) && Files.isExecutable(p)
          || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(p);
    }
  }

  private static String yamlKey(String image) {
    return "\"" + image.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String noCommand(String image, String configPath) {
    return "image '"
        + image
        + "': the template gives no command and argo4j does not know this image's entrypoint"
        + " (steps run on this host, not in containers). Give the template a command, or map the"
        + " image in "
        + configPath
        + ":\n\nimages:\n  "
        + yamlKey(image)
        + ":\n    command: [/path/to/program]\n";
  }

  static String notFound(String image, String program, String path, String configPath) {
    String base =
        Path.of(program).getFileName() == null
            ? program
            : Path.of(program).getFileName().toString();
    String pkg = PACKAGES.get(base);
    String install =
        pkg == null ? "Install it" : "Install it (Debian: apt-get install " + pkg + ")";
    return "image '"
        + image
        + "': command '"
        + program
        + "' is not on this host (PATH="
        + path
        + "). "
        + install
        + ", or map the image to a host program in "
        + configPath
        + ":\n\nimages:\n  "
        + yamlKey(image)
        + ":\n    aliases:\n      "
        + yamlKey(program)
        + ": /path/to/"
        + base
        + "\n";
  }
}
