package io.argo4j.cli.render;

import io.argo4j.cli.Style;
import io.argo4j.engine.NodeTransition;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.RunListener;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Progress on a terminal: one row per step, rewritten in place when it changes (only the rows that
 * changed are redrawn). The items of a loop share one row, {@code process[0..1999] 1998/2000}, so
 * that a large fan-out stays readable. The first row is the workflow itself.
 */
public final class LiveProgress implements RunListener {

  private static final Pattern LOOP_ITEM = Pattern.compile("^(.*)\\((\\d+)(:.*)?\\)$");

  private final PrintWriter out;
  private final Style style;
  private final Glyphs glyphs;
  private final InstantSource clock;
  private final int width;
  private final List<String> keys = new ArrayList<>();
  private final List<String> printed = new ArrayList<>();

  public LiveProgress(PrintWriter out, Style style, InstantSource clock, int width) {
    this.out = out;
    this.style = style;
    this.glyphs = new Glyphs(style, true);
    this.clock = clock;
    this.width = Math.max(40, width);
  }

  /** A loop's items, or one step, as one row. */
  private static final class Group {
    final String label;
    final List<NodeStatus> members = new ArrayList<>();
    long minIndex = Long.MAX_VALUE;
    long maxIndex = -1;
    boolean loop;

    Group(String label) {
      this.label = label;
    }
  }

  @Override
  public synchronized void onUpdate(Workflow workflow, List<NodeTransition> transitions) {
    Map<String, String> rows = rows(workflow);
    for (Map.Entry<String, String> row : rows.entrySet()) {
      int i = keys.indexOf(row.getKey());
      String text = fit(row.getValue());
      if (i < 0) {
        keys.add(row.getKey());
        printed.add(text);
        out.print(text + "\n");
      } else if (!printed.get(i).equals(text)) {
        printed.set(i, text);
        int up = printed.size() - i;
        out.print("\u001b[" + up + "A\r\u001b[2K" + text + "\u001b[" + up + "B\r");
      }
    }
    out.flush();
  }

  /**
   * Prints a line below the rows (a message to the user); the rows are printed afresh below it on
   * the next update, so that rewriting them in place stays right.
   */
  public synchronized void note(String line) {
    out.print(line + "\n");
    out.flush();
    keys.clear();
    printed.clear();
  }

  /** Rows by key, in the order the nodes started. */
  private Map<String, String> rows(Workflow workflow) {
    Map<String, String> rows = new LinkedHashMap<>();
    String name = workflow.metadata().getName();
    String progress =
        workflow.status() == null || workflow.status().progress() == null
            ? ""
            : " " + workflow.status().progress();
    NodeStatus root = workflow.status() == null ? null : workflow.status().node(name).orElse(null);
    String mark = root != null ? glyphs.of(root) : glyphs.of(phaseOf(workflow));
    rows.put(
        "", mark + " " + style.bold(name) + " " + WorkflowPrinter.statusText(workflow) + progress);
    if (workflow.status() == null || workflow.status().nodes() == null) {
      return rows;
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    workflow.status().nodes().values().stream()
        .filter(LiveProgress::isStep)
        .sorted((a, b) -> {
          if (a.startedAt() == null || b.startedAt() == null) {
            return a.startedAt() == null ? (b.startedAt() == null ? 0 : 1) : -1;
          }
          int c = a.startedAt().compareTo(b.startedAt());
          return c != 0 ? c : a.name().compareTo(b.name());
        })
        .forEach(n -> add(groups, n));
    groups.forEach((key, g) -> rows.put(key, render(g)));
    return rows;
  }

  /** The workflow's phase as a node phase, for its mark before its root node exists. */
  private static NodePhase phaseOf(Workflow workflow) {
    if (workflow.status() == null || workflow.status().phase() == null) {
      return NodePhase.PENDING;
    }
    return switch (workflow.status().phase()) {
      case UNKNOWN, PENDING -> NodePhase.PENDING;
      case RUNNING -> NodePhase.RUNNING;
      case SUCCEEDED -> NodePhase.SUCCEEDED;
      case FAILED -> NodePhase.FAILED;
      case ERROR -> NodePhase.ERROR;
    };
  }

  private static boolean isStep(NodeStatus n) {
    return (n.type() == NodeType.POD || n.type() == NodeType.SUSPEND || n.type() == NodeType.HTTP)
        && n.phase() != NodePhase.OMITTED;
  }

  private static void add(Map<String, Group> groups, NodeStatus n) {
    Matcher m = LOOP_ITEM.matcher(n.name());
    if (m.matches()) {
      String base = m.group(1);
      Group g = groups.computeIfAbsent("loop:" + base, k -> new Group(shortName(base)));
      g.loop = true;
      long index = Long.parseLong(m.group(2));
      g.minIndex = Math.min(g.minIndex, index);
      g.maxIndex = Math.max(g.maxIndex, index);
      g.members.add(n);
    } else {
      Group g = groups.computeIfAbsent("node:" + n.id(), k -> new Group(n.displayName()));
      g.members.add(n);
    }
  }

  private String render(Group g) {
    if (!g.loop) {
      NodeStatus n = g.members.get(0);
      String duration = Humanize.shortDuration(n.startedAt(), n.finishedAt(), clock.instant());
      String message = n.message() == null || n.message().isEmpty() ? "" : "  " + n.message();
      return "  "
          + glyphs.of(n)
          + " "
          + n.displayName()
          + "  "
          + PlainProgress.phaseName(n.phase())
          + (duration.isEmpty() ? "" : " " + duration)
          + message;
    }
    int done = 0;
    int failed = 0;
    int running = 0;
    for (NodeStatus n : g.members) {
      if (n.phase() == NodePhase.SUCCEEDED || n.phase() == NodePhase.SKIPPED) {
        done++;
      } else if (n.phase() == NodePhase.FAILED || n.phase() == NodePhase.ERROR) {
        failed++;
      } else if (n.phase() == NodePhase.RUNNING || n.phase() == NodePhase.PENDING) {
        running++;
      }
    }
    NodePhase phase =
        running > 0 ? NodePhase.RUNNING : failed > 0 ? NodePhase.FAILED : NodePhase.SUCCEEDED;
    return "  "
        + glyphs.of(phase)
        + " "
        + g.label
        + "["
        + g.minIndex
        + ".."
        + g.maxIndex
        + "] "
        + done
        + "/"
        + g.members.size()
        + (failed > 0 ? " (" + failed + " failed)" : "")
        + (running > 0 ? " (" + running + " running)" : "");
  }

  /** The last part of a node name: {@code wf[0].process} becomes {@code process}. */
  private static String shortName(String nodeName) {
    int dot = nodeName.lastIndexOf('.');
    return dot < 0 ? nodeName : nodeName.substring(dot + 1);
  }

  private String fit(String text) {
    if (TextTable.visibleLength(text) <= width) {
      return text;
    }
    // cut by visible characters, keeping colour codes whole, then reset colours
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (int i = 0; i < text.length() && n < width - 1; i++) {
      char c = text.charAt(i);
      sb.append(c);
      if (c == '\u001b') {
        while (i + 1 < text.length() && text.charAt(i) != 'm') {
          sb.append(text.charAt(++i));
        }
      } else {
        n++;
      }
    }
    return sb + "…" + (style.color() ? "\u001b[0m" : "");
  }
}
