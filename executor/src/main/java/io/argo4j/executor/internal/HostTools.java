package io.argo4j.executor.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The host programs the executor itself uses, found once on the runner's PATH.
 *
 * @param toolsPath the PATH the wrapper uses for its own tools
 * @param sh a POSIX shell (required)
 * @param setsid util-linux setsid, or null: gives each step a session of its own
 * @param bwrap bubblewrap, or null
 * @param env coreutils env, or null
 * @param envDefaultSignal whether {@code env --default-signal} works: background jobs of a
 *     non-interactive shell start with SIGINT and SIGQUIT ignored, which env undoes
 */
public record HostTools(
    String toolsPath, Path sh, Path setsid, Path bwrap, Path env, boolean envDefaultSignal) {

  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  public static HostTools detect(Map<String, String> hostEnv) {
    String path = hostEnv.getOrDefault("PATH", "");
    String toolsPath = path.isBlank() ? DEFAULT_PATH : path + ":" + DEFAULT_PATH;
    List<String> dirs = List.of(toolsPath.split(":"));
    Path sh = which("sh", dirs).orElse(null);
    Path env = which("env", dirs).orElse(null);
    boolean defaultSignal =
        env != null && runs(List.of(env.toString(), "--default-signal=INT,QUIT", "true"));
    return new HostTools(
        toolsPath,
        sh,
        which("setsid", dirs).orElse(null),
        which("bwrap", dirs).orElse(null),
        env,
        defaultSignal);
  }

  /** The first executable regular file named {@code name} in {@code dirs}. */
  public static Optional<Path> which(String name, List<String> dirs) {
    for (String d : dirs) {
      if (d.isEmpty()) {
        continue;
      }
      Path p = Path.of(d, name);
      if (isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public static boolean isExecutable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }

  private static boolean runs(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A text resource of this package (the wrapper, argosay). */
  public static String resource(String name) {
    try (InputStream in = HostTools.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code command}, returning its exit code and combined output; bounded by a timeout. */
  public static Outcome run(List<String> command, long timeoutSeconds) throws InterruptedException {
    Path out = null;
    try {
      out = Files.createTempFile("argo4j-run", ".out");
      Process p =
          new ProcessBuilder(new ArrayList<>(command))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        return new Outcome(-1, "timed out after " + timeoutSeconds + "s");
      }
      return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return new Outcome(-1, String.valueOf(e.getMessage()));
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // a leftover temporary file is harmless
        }
      }
    }
  }

  /** A finished command. */
  public record Outcome(int exitCode, String output) {}
}
