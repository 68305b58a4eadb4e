package io.argo4j.executor;

import io.argo4j.executor.internal.AtomicFiles;
import io.argo4j.executor.internal.Bwrap;
import io.argo4j.executor.internal.CollectScript;
import io.argo4j.executor.internal.FinishedStepHandle;
import io.argo4j.executor.internal.HostTools;
import io.argo4j.executor.internal.Json;
import io.argo4j.executor.internal.LaunchPlanner;
import io.argo4j.executor.internal.LaunchPlanner.Launch;
import io.argo4j.executor.internal.LaunchRecord;
import io.argo4j.executor.internal.ProcessStepHandle;
import io.argo4j.executor.internal.SandboxPaths;
import io.argo4j.executor.internal.StepFailure;
import io.argo4j.executor.internal.StepFiles;
import io.argo4j.executor.internal.StepFiles.FailureRecord;
import io.argo4j.executor.internal.StepFiles.PidRecord;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs steps on this host: each under a small shell wrapper that records its exit code and output
 * on disk, in a private filesystem view (bubblewrap) or, without one, one at a time per declared
 * path. Thread-safe; one instance serves a whole runner.
 */
public final class StepExecutor implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.argo4j.executor");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private final ExecutorConfig config;
  private final HostTools tools;
  private final SandboxMode mode;
  private final String fallbackReason;
  private final PathLocks locks = new PathLocks();
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("argo4j-step-", 0).factory());

  /** Steps still running; holding them keeps their runner pipes open. */
  private final Map<Path, StepHandle> live = new ConcurrentHashMap<>();

  private volatile boolean closed;

  private StepExecutor(
      ExecutorConfig config, HostTools tools, SandboxMode mode, String fallbackReason) {
    this.config = config;
    this.tools = tools;
    this.mode = mode;
    this.fallbackReason = fallbackReason;
  }

  /**
   * An executor for {@code config}. Without an explicit sandbox it uses bubblewrap if a probe
   * sandbox starts, else runs steps on the host and logs one warning saying why.
   *
   * @throws ExecutorConfigException when the host has no {@code sh}, or bubblewrap was asked for
   *     and cannot run here
   */
  public static StepExecutor create(ExecutorConfig config) throws ExecutorConfigException {
    HostTools tools = HostTools.detect(config.hostEnvironment());
    if (tools.sh() == null) {
      throw new ExecutorConfigException(
          "no sh on the PATH (" + tools.toolsPath() + "): argo4j runs steps under a POSIX shell");
    }
    if (config.sandbox() == SandboxMode.NONE) {
      return new StepExecutor(config, tools, SandboxMode.NONE, "ARGO4J_SANDBOX=none");
    }
    Optional<String> problem;
    try {
      problem = Bwrap.probe(tools);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = Optional.of("interrupted while probing bubblewrap");
    }
    if (problem.isEmpty()) {
      return new StepExecutor(config, tools, SandboxMode.BWRAP, null);
    }
    if (config.sandbox() == SandboxMode.BWRAP) {
      throw new ExecutorConfigException(
          "ARGO4J_SANDBOX=bwrap, but bubblewrap cannot sandbox steps here: " + problem.get());
    }
    if (WARNED.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "argo4j: bubblewrap cannot sandbox steps here ("
              + problem.get()
              + "). Steps run directly on this host without private paths: steps declaring the"
              + " same path run one at a time, and a step can see what others leave in /tmp."
              + " Install bubblewrap (apt-get install bubblewrap) and allow unprivileged user"
              + " namespaces, or set ARGO4J_SANDBOX=none to choose this mode and silence this"
              + " warning.");
    }
    return new StepExecutor(config, tools, SandboxMode.NONE, problem.get());
  }

  /** An executor configured by the environment ({@link ExecutorConfig#fromEnvironment}). */
  public static StepExecutor fromEnvironment() throws ExecutorConfigException {
    return create(ExecutorConfig.fromEnvironment(System.getenv()));
  }

  public ExecutorConfig config() {
    return config;
  }

  /** The sandbox this executor uses. */
  public SandboxMode sandboxMode() {
    return mode;
  }

  /** Why steps run without bubblewrap, if they do. */
  public Optional<String> sandboxFallbackReason() {
    return Optional.ofNullable(fallbackReason);
  }

  /** The locks of host paths used without a sandbox; a runtime may consult it to schedule. */
  public PathLocks pathLocks() {
    return locks;
  }

  /**
   * The host paths {@code spec} needs to itself while it runs (empty under bubblewrap, where every
   * step has its own). {@link #start} waits for them.
   */
  public List<String> exclusivePaths(StepSpec spec) {
    if (mode == SandboxMode.BWRAP) {
      return List.of();
    }
    try {
      return LaunchPlanner.plan(
              spec, Path.of("/nonexistent"), mode, config.images(), config.hostEnvironment())
          .lockPaths();
    } catch (StepFailure e) {
      return List.of();
    }
  }

  /**
   * Starts {@code spec} in {@code stepDir} (created if needed; it must not hold another step).
   * Without a sandbox, first waits until no running step uses the paths the spec declares.
   *
   * <p>A step that cannot run on this host (image not mapped, command not found, bad path...) is
   * not an exception: the handle has already ended, its result's {@link StepResult#failure()}
   * saying why and how to fix it.
   *
   * @throws IOException when the step directory cannot be written or the wrapper cannot start
   */
  public StepHandle start(StepSpec spec, Path stepDir) throws IOException, InterruptedException {
    checkOpen();
    Files.createDirectories(stepDir);
    Path specFile = stepDir.resolve(StepFiles.SPEC);
    if (Files.exists(specFile)) {
      throw new IllegalStateException(stepDir + " already holds a step; use a new directory");
    }
    Json.write(specFile, spec);
    Instant startedAt = config.clock().instant();
    Launch launch;
    try {
      launch = LaunchPlanner.plan(spec, stepDir, mode, config.images(), config.hostEnvironment());
    } catch (StepFailure f) {
      return failedToStart(stepDir, f.getMessage());
    }
    PathLocks.Lease lease = mode == SandboxMode.NONE ? locks.acquire(launch.lockPaths()) : null;
    List<Path> created = new ArrayList<>();
    boolean started = false;
    try {
      prepare(spec, stepDir, launch, created);
      Process process = spawn(stepDir, launch);
      ProcessHandle wrapper = process.toHandle();
      try {
        new PidRecord(wrapper.pid(), wrapper.info().startInstant().orElse(null), startedAt)
            .write(stepDir);
      } catch (IOException | RuntimeException e) {
        wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw e;
      }
      ProcessStepHandle handle =
          new ProcessStepHandle(
              stepDir,
              wrapper,
              process,
              config.killTimeout(),
              executor,
              config.clock(),
              tools.sh().toString(),
              () -> {
                live.remove(stepDir);
                if (lease != null) {
                  lease.close();
                }
              });
      live.put(stepDir, handle);
      handle.begin();
      started = true;
      return handle;
    } catch (StepFailure f) {
      return failedToStart(stepDir, f.getMessage());
    } finally {
      if (!started) {
        for (Path p : created) {
          Files.deleteIfExists(p);
        }
        if (lease != null) {
          lease.close();
        }
      }
    }
  }

  /**
   * Runs {@code spec} to the end. If it is still running after {@code timeout}, it is stopped
   * (TERM, then KILL after {@link ExecutorConfig#killTimeout()}) and its result says so.
   */
  public StepResult run(StepSpec spec, Path stepDir, Duration timeout)
      throws IOException, InterruptedException {
    StepHandle handle = start(spec, stepDir);
    Optional<StepResult> result = handle.awaitExit(timeout);
    if (result.isPresent()) {
      return result.get();
    }
    StepResult r = handle.terminate(config.killTimeout());
    if (r.failure() != null) {
      return r;
    }
    return new StepResult(
        r.exitCode(),
        r.result(),
        r.outputParameters(),
        r.outputArtifacts(),
        r.errors(),
        "Step exceeded its deadline of " + describe(timeout),
        r.logFile(),
        r.startedAt(),
        r.finishedAt());
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /**
   * A handle on a step an earlier runner started in {@code stepDir}: live if its wrapper still
   * runs, else already ended (FINISHED or LOST). Empty if the directory holds no started step.
   */
  public Optional<StepHandle> attach(Path stepDir) throws IOException {
    checkOpen();
    StepHandle existing = live.get(stepDir);
    if (existing != null) {
      return Optional.of(existing);
    }
    StepDirectory sd = StepDirectory.of(stepDir);
    StepState state = sd.state();
    if (state == StepState.PENDING) {
      return Optional.empty();
    }
    Optional<PidRecord> pid = PidRecord.read(stepDir);
    long pidValue = pid.map(PidRecord::pid).orElse(-1L);
    if (state == StepState.RUNNING) {
      Optional<ProcessHandle> ph = ProcessHandle.of(pidValue);
      if (ph.isPresent()) {
        PathLocks.Lease lease = null;
        Path launchFile = stepDir.resolve(StepFiles.LAUNCH);
        if (mode == SandboxMode.NONE && Files.exists(launchFile)) {
          LaunchRecord launch = Json.read(launchFile, LaunchRecord.class);
          List<String> paths =
              launch.declaredPaths().stream().map(p -> p.get(1)).distinct().toList();
          lease = locks.tryAcquire(paths).orElse(null);
        }
        PathLocks.Lease held = lease;
        ProcessStepHandle handle =
            new ProcessStepHandle(
                stepDir,
                ph.get(),
                null,
                config.killTimeout(),
                executor,
                config.clock(),
                tools.sh().toString(),
                () -> {
                  live.remove(stepDir);
                  if (held != null) {
                    held.close();
                  }
                });
        live.put(stepDir, handle);
        handle.begin();
        return Optional.of(handle);
      }
    }
    Optional<StepResult> result = sd.readResult();
    if (result.isEmpty()) {
      return Optional.empty();
    }
    if (sd.state() == StepState.LOST) {
      endLeftovers(stepDir, pid.orElse(null));
    }
    return Optional.of(new FinishedStepHandle(stepDir, pidValue, result.get()));
  }

  /**
   * Leaves the steps as they are and stops acting for them, as a runner that exits does: their ends
   * are no longer recorded by this executor, and steps that do not outlive their runner ({@link
   * ExecutorConfig#stepsOutliveRunner()} false) are stopped by their wrappers (TERM, then KILL
   * after {@link ExecutorConfig#runnerGoneGrace()}). A later executor finds them with {@link
   * #attach}. Idempotent; {@link #start} and {@link #attach} fail afterwards.
   */
  @Override
  public void close() {
    closed = true;
    for (StepHandle h : List.copyOf(live.values())) {
      if (h instanceof ProcessStepHandle p) {
        p.detach();
      }
    }
    live.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this StepExecutor is closed; create a new one");
    }
  }

  /**
   * A lost step's wrapper is gone, but without a sandbox its command may still run (a sandbox dies
   * with its wrapper): end the command's process tree, if it is the one the wrapper started.
   */
  private static void endLeftovers(Path stepDir, PidRecord wrapper) throws IOException {
    Optional<Map<String, String>> started =
        StepFiles.properties(stepDir.resolve(StepFiles.STARTED));
    String child = started.map(m -> m.get("child")).orElse(null);
    if (child == null || !child.matches("[0-9]+")) {
      return;
    }
    Optional<ProcessHandle> ph = ProcessHandle.of(Long.parseLong(child));
    if (ph.isEmpty()) {
      return;
    }
    Instant since = wrapper == null ? null : wrapper.processStart();
    Optional<Instant> childStart = ph.get().info().startInstant();
    boolean same =
        since == null || childStart.isEmpty() || !childStart.get().isBefore(since.minusSeconds(1));
    if (same) {
      List<ProcessHandle> below = ph.get().descendants().toList();
      ph.get().destroyForcibly();
      below.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private StepHandle failedToStart(Path stepDir, String message) throws IOException {
    Instant at = config.clock().instant();
    Json.write(stepDir.resolve(StepFiles.FAILURE), new FailureRecord(message, at));
    Files.writeString(
        stepDir.resolve(StepFiles.MAIN_LOG),
        "argo4j: " + message + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    StepResult result =
        StepDirectory.of(stepDir)
            .readResult()
            .orElseThrow(() -> new IllegalStateException("no result after recording a failure"));
    return new FinishedStepHandle(stepDir, -1, result);
  }

  /** Writes the step's files: wrapper, argosay, script, inputs, sandbox options or collect.sh. */
  private void prepare(StepSpec spec, Path stepDir, Launch launch, List<Path> created)
      throws IOException, StepFailure {
    Path fs = stepDir.resolve(StepFiles.FS);
    Path argo = fs.resolve(StepFiles.ARGO_DIR);
    Files.createDirectories(argo.resolve("bin"));
    Files.createDirectories(argo.resolve("staging"));
    AtomicFiles.writeExecutable(argo.resolve("bin/argosay"), HostTools.resource("argosay"));
    if (spec.scriptSource() != null) {
      AtomicFiles.writeExecutable(argo.resolve("staging/script"), spec.scriptSource());
    }
    AtomicFiles.writeExecutable(
        stepDir.resolve(StepFiles.WRAPPER), HostTools.resource("wrapper.sh"));

    if (mode == SandboxMode.BWRAP) {
      Files.createDirectories(fs.resolve("tmp"));
      for (StepSpec.InputFile f : spec.inputFiles()) {
        Path target = fs.resolve(launch.canonical(f.path()).substring(1));
        writeInput(f, target);
      }
      // Volume mounts are directories the step expects to exist, empty (an emptyDir).
      for (String p : spec.extraPaths()) {
        Files.createDirectories(fs.resolve(launch.canonical(p).substring(1)));
      }
      String wd = launch.canonical(launch.workingDir());
      if (SandboxPaths.isUnderAny(wd, launch.privateRoots()) && !wd.equals("/")) {
        Files.createDirectories(fs.resolve(wd.substring(1)));
      }
      List<String> options =
          Bwrap.options(
              fs, launch.privateRoots(), launch.workingDir(), hostname(spec.podName()), true);
      AtomicFiles.write(stepDir.resolve(StepFiles.BWRAP_ARGS), Bwrap.argsFile(options));
    } else {
      Set<String> preexisting = new HashSet<>();
      for (String c : launch.lockPaths()) {
        if (Files.exists(Path.of(c), LinkOption.NOFOLLOW_LINKS)) {
          preexisting.add(c);
        }
      }
      for (StepSpec.InputFile f : spec.inputFiles()) {
        String c = launch.canonical(f.path());
        if (preexisting.contains(c)) {
          throw new StepFailure(
              "input file "
                  + f.path()
                  + " already exists on this host; without a sandbox argo4j does not overwrite"
                  + " host files. Remove it, or install bubblewrap so that steps get private"
                  + " paths.");
        }
      }
      for (StepSpec.InputFile f : spec.inputFiles()) {
        Path target = Path.of(launch.canonical(f.path()));
        try {
          writeInput(f, target);
        } catch (IOException e) {
          throw new StepFailure("cannot create input file " + f.path() + ": " + e);
        }
        created.add(target);
      }
      for (String p : spec.extraPaths()) {
        Path dir = Path.of(launch.canonical(p));
        if (!Files.isDirectory(dir)) {
          try {
            Files.createDirectories(dir);
          } catch (IOException e) {
            throw new StepFailure("cannot create volume mount " + p + ": " + e);
          }
          created.add(dir);
        }
      }
      Path wd = Path.of(launch.workingDir());
      if (!Files.isDirectory(wd)) {
        try {
          Files.createDirectories(wd);
        } catch (IOException e) {
          throw new StepFailure("cannot create working directory " + wd + ": " + e);
        }
      }
      List<String> outputs = new ArrayList<>();
      spec.outputParameters().forEach(p -> outputs.add(launch.canonical(p.path())));
      spec.outputArtifacts().forEach(a -> outputs.add(launch.canonical(a.path())));
      List<String> outermost = SandboxPaths.outermost(outputs);
      List<String> others =
          launch.lockPaths().stream().filter(p -> !outermost.contains(p)).toList();
      AtomicFiles.write(
          stepDir.resolve(StepFiles.COLLECT),
          CollectScript.render(outermost, others, preexisting, fs.toString()));
    }
    Json.write(stepDir.resolve(StepFiles.LAUNCH), launch.record(spec.image()));
  }

  private static void writeInput(StepSpec.InputFile f, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.writeString(target, f.content(), StandardCharsets.UTF_8);
    int mode = f.mode() == null ? 0644 : f.mode();
    Files.setPosixFilePermissions(target, AtomicFiles.Modes.permissions(mode));
  }

  private static String hostname(String podName) {
    String h = podName.replaceAll("[^A-Za-z0-9.-]", "-");
    return h.length() > 63 ? h.substring(0, 63) : h;
  }

  private Process spawn(Path stepDir, Launch launch) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (tools.setsid() != null) {
      // its own session: a Ctrl-C meant for the runner does not reach the step
      cmd.add(tools.setsid().toString());
    }
    cmd.add(tools.sh().toString());
    cmd.add(stepDir.resolve(StepFiles.WRAPPER).toString());
    cmd.add(stepDir.toString());
    cmd.add(config.stepsOutliveRunner() ? "0" : "1");
    long grace = Math.max(1, (config.runnerGoneGrace().toMillis() + 999) / 1000);
    cmd.add(Long.toString(grace));
    cmd.add(mode == SandboxMode.BWRAP ? "" : launch.workingDir());
    cmd.add(mode == SandboxMode.BWRAP ? "bwrap" : "none");
    cmd.add("--");
    if (mode == SandboxMode.BWRAP) {
      cmd.addAll(List.of(tools.bwrap().toString(), "--args", "4", "--"));
    }
    if (tools.envDefaultSignal()) {
      cmd.addAll(List.of(tools.env().toString(), "--default-signal=INT,QUIT"));
    }
    cmd.addAll(launch.argv());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(stepDir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(launch.env());
    env.put("ARGO4J_TOOLS_PATH", tools.toolsPath());
    pb.redirectErrorStream(true);
    pb.redirectOutput(
        ProcessBuilder.Redirect.appendTo(stepDir.resolve(StepFiles.WRAPPER_LOG).toFile()));
    pb.redirectInput(
        config.stepsOutliveRunner()
            ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.PIPE);
    return pb.start();
  }
}
