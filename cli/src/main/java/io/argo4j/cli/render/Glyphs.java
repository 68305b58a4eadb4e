package io.argo4j.cli.render;

import io.argo4j.cli.Style;
import io.argo4j.model.NodePhase;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import picocli.CommandLine.Help.Ansi;

/** The status marks of {@code argo get}: ◷ ● ✔ ○ ✖ ⚠ and ǁ, or words with {@code --no-utf8}. */
public record Glyphs(Style style, boolean utf8) {

  /** The mark of a node: its phase, or ǁ for a suspend node that waits. */
  public String of(NodeStatus node) {
    if (node.type() == NodeType.SUSPEND && node.phase() == NodePhase.RUNNING) {
      return style.apply(utf8 ? "ǁ" : "Suspend", Ansi.Style.fg_cyan);
    }
    return of(node.phase());
  }

  /** The mark of a phase. */
  public String of(NodePhase phase) {
    if (phase == null) {
      return style.apply(utf8 ? "◷" : "Pending", Ansi.Style.fg_yellow);
    }
    return switch (phase) {
      case PENDING -> style.apply(utf8 ? "◷" : "Pending", Ansi.Style.fg_yellow);
      case RUNNING -> style.apply(utf8 ? "●" : "Running", Ansi.Style.fg_cyan);
      case SUCCEEDED -> style.apply(utf8 ? "✔" : "Succeeded", Ansi.Style.fg_green);
      case SKIPPED, OMITTED -> utf8 ? "○" : "Skipped";
      case FAILED -> style.apply(utf8 ? "✖" : "Failed", Ansi.Style.fg_red);
      case ERROR -> style.apply(utf8 ? "⚠" : "Error", Ansi.Style.fg_red);
    };
  }
}
