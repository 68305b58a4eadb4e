package io.argo4j.executor.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bubblewrap sandbox of a step.
 *
 * <p>The sandbox's root is the step's own directory {@code fs/}, writable. On it, every entry of
 * the host's {@code /} is bound read-only (symbolic links recreated as links), except {@code /proc}
 * and {@code /dev}, which are new, and the step's <em>private</em> paths, which are left out and so
 * live in {@code fs/} (a step's declared paths, {@code /tmp}, {@code /argo}). A host directory that
 * contains a private path is not bound whole: it is <em>shadowed</em>, a real directory in {@code
 * fs/} whose host entries are bound one by one, so the rest of it stays visible and the private
 * path can still be created. This works for any absolute path, whether or not it or its parents
 * exist on the host ({@code /mnt/out/result.txt}, {@code /tmp/x}, {@code /workdir/a/b}), and
 * whatever the step writes outside the host's read-only entries ends up in {@code fs/}, where the
 * runner reads it after the step.
 */
public final class Bwrap {
  private Bwrap() {}

  /**
   * bubblewrap's options for a step.
   *
   * @param fsRoot the host directory that becomes the step's {@code /}
   * @param privatePaths canonical private paths (their outermost ones are used)
   * @param workingDir the working directory as the step sees it
   * @param hostname the sandbox's hostname, or blank for the host's
   * @param infoFd whether bubblewrap reports the sandbox's pid on fd 3
   */
  public static List<String> options(
      Path fsRoot,
      Collection<String> privatePaths,
      String workingDir,
      String hostname,
      boolean infoFd)
      throws IOException {
    List<String> fresh = SandboxPaths.outermost(privatePaths);
    Set<String> shadowed = new HashSet<>();
    for (String p : fresh) {
      shadowed.addAll(SandboxPaths.hostDirAncestors(p));
    }
    List<String> a = new ArrayList<>();
    a.add("--die-with-parent");
    a.add("--unshare-pid");
    a.add("--new-session");
    if (infoFd) {
      a.addAll(List.of("--info-fd", "3"));
    }
    if (hostname != null && !hostname.isBlank()) {
      a.addAll(List.of("--unshare-uts", "--hostname", hostname));
    }
    a.addAll(List.of("--bind", fsRoot.toString(), "/"));
    shadow("/", new HashSet<>(fresh), shadowed, fsRoot, a);
    if (fresh.contains("/tmp")) {
      a.addAll(List.of("--chmod", "1777", "/tmp"));
    }
    a.addAll(List.of("--chdir", workingDir));
    return a;
  }

  private static void shadow(
      String dir, Set<String> fresh, Set<String> shadowed, Path fsRoot, List<String> a)
      throws IOException {
    Files.createDirectories(fsRoot.resolve(dir.substring(1)));
    Set<String> names = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(dir))) {
      for (Path e : entries) {
        names.add(e.getFileName().toString());
      }
    }
    for (String name : names) {
      String path = dir.equals("/") ? "/" + name : dir + "/" + name;
      if (fresh.contains(path)) {
        continue;
      }
      if (shadowed.contains(path)) {
        shadow(path, fresh, shadowed, fsRoot, a);
      } else if (path.equals("/proc")) {
        a.addAll(List.of("--proc", "/proc"));
      } else if (path.equals("/dev")) {
        a.addAll(List.of("--dev", "/dev"));
      } else if (Files.isSymbolicLink(Path.of(path))) {
        a.addAll(List.of("--symlink", Files.readSymbolicLink(Path.of(path)).toString(), path));
      } else {
        a.addAll(List.of("--ro-bind-try", path, path));
      }
    }
  }

  /** The options as bubblewrap's {@code --args} file: NUL-separated. */
  public static String argsFile(List<String> options) {
    StringBuilder s = new StringBuilder();
    for (String o : options) {
      s.append(o).append('\0');
    }
    return s.toString();
  }

  /**
   * Starts a sandbox like a step's and runs {@code sh -c :} in it.
   *
   * @return empty if it works, else why not
   */
  public static Optional<String> probe(HostTools tools) throws InterruptedException {
    if (tools.bwrap() == null) {
      return Optional.of("bwrap is not on the PATH");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("argo4j-bwrap-probe");
      Path fs = dir.resolve("fs");
      Files.createDirectories(fs.resolve("tmp"));
      List<String> cmd = new ArrayList<>();
      cmd.add(tools.bwrap().toString());
      cmd.addAll(options(fs, List.of("/tmp"), "/", "argo4j-probe", false));
      cmd.addAll(List.of("--", tools.sh().toString(), "-c", "echo ok > /tmp/probe"));
      HostTools.Outcome out = HostTools.run(cmd, 20);
      if (out.exitCode() != 0) {
        return Optional.of(
            "bwrap exited " + out.exitCode() + (out.output().isEmpty() ? "" : ": " + out.output()));
      }
      if (!Files.isRegularFile(fs.resolve("tmp/probe"))) {
        return Optional.of("bwrap ran, but the sandbox's /tmp is not the step's own");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot prepare the probe: " + e.getMessage());
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  /** Deletes a directory tree without following symbolic links; best effort. */
  public static void deleteTree(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // best effort: a leftover temporary directory is harmless
    }
  }
}
