package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/phases.md shows the phase tables as diagrams; this test keeps it in step with the code.
 * Regenerate with {@code ./build -pl engine -am verify -Dargo4j.updateDocs=true}.
 */
class PhaseDiagramTest {

  static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Node and workflow phases\n\n")
        .append("Generated from `NodePhaseTable` and `WorkflowPhaseTable` by `PhaseDiagramTest`")
        .append(" (regenerate: `./build -pl engine -am verify -Dargo4j.updateDocs=true`).\n")
        .append("The engine refuses any other change, and `PhaseCoverageTest` fails if a row is")
        .append(" never taken.\n\n## Node phases\n\n```mermaid\nstateDiagram-v2\n");
    for (NodePhaseTable.Transition t : NodePhaseTable.transitions()) {
      sb.append("    ")
          .append(t.from() == null ? "[*]" : t.from().value())
          .append(" --> ")
          .append(t.to().value())
          .append(": ")
          .append(t.why().replace(":", " -"))
          .append('\n');
    }
    sb.append("```\n\n## Workflow phases\n\n```mermaid\nstateDiagram-v2\n");
    for (WorkflowPhaseTable.Transition t : WorkflowPhaseTable.transitions()) {
      sb.append("    ")
          .append(t.from().value().isEmpty() ? "[*]" : t.from().value())
          .append(" --> ")
          .append(t.to().value())
          .append(": ")
          .append(t.why().replace(":", " -"))
          .append('\n');
    }
    sb.append("```\n\n")
        .append("Node creation as Succeeded (memoization) is not in the table: memoization is")
        .append(" not implemented yet. A node waiting for a lock is created Pending; a workflow")
        .append(" waiting for a workflow-level lock is Pending.\n");
    return sb.toString();
  }

  @org.junit.jupiter.api.Test
  void docsShowTheCurrentTables() throws IOException {
    Path doc = Path.of(System.getProperty("argo4j.repoRoot", "..")).resolve("docs/phases.md");
    String expected = render();
    if (Boolean.getBoolean("argo4j.updateDocs")) {
      Files.writeString(doc, expected);
    }
    assertThat(doc).exists();
    assertThat(Files.readString(doc))
        .as("docs/phases.md is stale: regenerate with -Dargo4j.updateDocs=true")
        .isEqualTo(expected);
  }
}
