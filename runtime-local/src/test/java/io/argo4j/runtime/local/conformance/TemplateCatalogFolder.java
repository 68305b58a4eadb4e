package io.argo4j.runtime.local.conformance;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.model.io.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the WorkflowTemplates and ClusterWorkflowTemplates of the corpus into a folder for {@code
 * --templates}, as upstream's e2e installs them before it submits the examples. Only the template
 * documents of each file are written (a file may also hold a CronWorkflow or a Workflow).
 */
final class TemplateCatalogFolder {

  private TemplateCatalogFolder() {}

  /** Returns how many templates were written. */
  static int write(Path examples, List<InventoryRow> rows, Path folder) throws IOException {
    Files.createDirectories(folder);
    int count = 0;
    for (InventoryRow row : rows) {
      if (!row.holdsTemplates()) {
        continue;
      }
      ReadResult read = ManifestReader.lenient().read(examples.resolve(row.file()));
      List<Manifest> templates =
          read.manifests().stream()
              .filter(m -> m instanceof WorkflowTemplate || m instanceof ClusterWorkflowTemplate)
              .toList();
      if (templates.isEmpty()) {
        throw new IllegalStateException(
            row.file()
                + ": the inventory says it holds templates, but none was read: "
                + read.errors());
      }
      Files.writeString(
          folder.resolve(row.file().replace('/', '_')),
          ManifestWriter.create().toYamlDocuments(templates));
      count += templates.size();
    }
    return count;
  }
}
