package io.argo4j.executor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Absolute paths as a step sees them, and where they live on the host. */
public final class SandboxPaths {
  private SandboxPaths() {}

  /** Whether {@code path} is {@code dir} or inside it. */
  public static boolean isUnder(String path, String dir) {
    if (dir.equals("/")) {
      return true;
    }
    return path.equals(dir) || path.startsWith(dir + "/");
  }

  public static boolean isUnderAny(String path, Collection<String> dirs) {
    for (String d : dirs) {
      if (isUnder(path, d)) {
        return true;
      }
    }
    return false;
  }

  /** The paths of {@code paths} not inside another of them (duplicates removed). */
  public static List<String> outermost(Collection<String> paths) {
    List<String> out = new ArrayList<>();
    for (String p : new LinkedHashSet<>(paths)) {
      boolean inner = false;
      for (String q : paths) {
        if (!q.equals(p) && isUnder(p, q)) {
          inner = true;
          break;
        }
      }
      if (!inner) {
        out.add(p);
      }
    }
    return out;
  }

  /** {@code /a/./b/../c} as {@code /a/c}; the path must be absolute. */
  public static String normalize(String path) {
    return Path.of(path).normalize().toString();
  }

  /**
   * The path with the host's symlinks in its existing parent directories resolved (so that {@code
   * /var/run/x} becomes {@code /run/x}); the last component is kept as named.
   */
  public static String canonical(String path) {
    Path p = Path.of(normalize(path));
    Path parent = p.getParent();
    if (parent == null) {
      return p.toString();
    }
    Path existing = parent;
    Deque<String> rest = new ArrayDeque<>();
    while (existing != null && !Files.exists(existing)) {
      rest.push(existing.getFileName().toString());
      existing = existing.getParent();
    }
    Path base;
    try {
      base = existing == null ? Path.of("/") : existing.toRealPath();
    } catch (IOException e) {
      base = existing;
    }
    for (String r : rest) {
      base = base.resolve(r);
    }
    return base.resolve(p.getFileName().toString()).toString();
  }

  /** The proper ancestors of {@code path} that are directories on the host, outermost first. */
  public static List<String> hostDirAncestors(String path) {
    List<String> out = new ArrayList<>();
    Path p = Path.of(path).getParent();
    while (p != null) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        out.add(0, p.toString());
      }
      p = p.getParent();
    }
    return out;
  }

  /**
   * Where {@code path}, as the step sees it, lives on the host: below {@code fsRoot} when it is
   * inside one of {@code privateRoots}, else at the same path on the host. Symbolic links are
   * followed as the step would follow them (an absolute target is relative to the step's root).
   */
  public static Path locate(Path fsRoot, Collection<String> privateRoots, String path) {
    Deque<String> todo = new ArrayDeque<>();
    pushComponents(todo, path);
    String cur = "/";
    int hops = 0;
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        Path parent = Path.of(cur).getParent();
        cur = parent == null ? "/" : parent.toString();
        continue;
      }
      String next = cur.equals("/") ? "/" + name : cur + "/" + name;
      Path host = hostOf(fsRoot, privateRoots, next);
      if (hops < 40 && Files.isSymbolicLink(host)) {
        hops++;
        String target;
        try {
          target = Files.readSymbolicLink(host).toString();
        } catch (IOException e) {
          cur = next;
          continue;
        }
        pushComponents(todo, target);
        if (target.startsWith("/")) {
          cur = "/";
        }
        continue;
      }
      cur = next;
    }
    return hostOf(fsRoot, privateRoots, cur);
  }

  private static Path hostOf(Path fsRoot, Collection<String> privateRoots, String path) {
    if (!path.equals("/") && isUnderAny(path, privateRoots)) {
      return fsRoot.resolve(path.substring(1));
    }
    return Path.of(path);
  }

  private static void pushComponents(Deque<String> todo, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      todo.push(parts[i]);
    }
  }

  /** Every proper ancestor of each path, as a set. */
  public static Set<String> ancestors(Collection<String> paths) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : paths) {
      Path q = Path.of(p).getParent();
      while (q != null) {
        out.add(q.toString());
        q = q.getParent();
      }
    }
    return out;
  }
}
