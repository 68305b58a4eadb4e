package io.argo4j.executor.internal;

import java.util.List;
import java.util.Set;

/**
 * {@code collect.sh}, for steps without a sandbox: after the command ends, the wrapper runs it to
 * move the outputs the step created into the step directory (copy the ones that were already on the
 * host) and to remove the other declared paths the step or argo4j created. Created parent
 * directories are left in place: removing them could race with another step that just created its
 * own file there.
 */
public final class CollectScript {
  private CollectScript() {}

  /**
   * @param outputs canonical output paths (outermost ones only)
   * @param others canonical declared paths that are not outputs (inputs, extra paths...)
   * @param preexisting the paths among both that existed on the host before the step
   * @param fsRoot the step directory's {@code fs/}
   */
  public static String render(
      List<String> outputs, List<String> others, Set<String> preexisting, String fsRoot) {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/sh\n");
    s.append("# Written by argo4j for this step (mode none): see docs/executor.md.\n");
    s.append("keep() { if [ -e \"$1\" ] || [ -L \"$1\" ]; then mkdir -p \"$(dirname -- \"$2\")\"");
    s.append(
        " && if [ \"$3\" = move ]; then mv -f -- \"$1\" \"$2\"; else cp -a -- \"$1\" \"$2\"; fi;");
    s.append(" fi; }\n");
    for (String o : outputs) {
      String how = preexisting.contains(o) ? "copy" : "move";
      s.append("keep ")
          .append(quote(o))
          .append(' ')
          .append(quote(fsRoot + o))
          .append(' ')
          .append(how)
          .append('\n');
    }
    for (String o : others) {
      if (!preexisting.contains(o) && !SandboxPaths.isUnderAny(o, outputs)) {
        s.append("rm -rf -- ").append(quote(o)).append('\n');
      }
    }
    return s.toString();
  }

  /** A single-quoted shell word. */
  public static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
