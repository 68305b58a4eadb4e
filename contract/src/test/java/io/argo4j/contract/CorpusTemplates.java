package io.argo4j.contract;

import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.model.io.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates of the corpus that the chosen examples name,
 * as upstream's e2e installs them before it submits the examples: written into a folder for the
 * local runtime ({@code --templates}) and created on the simulated cluster.
 */
record CorpusTemplates(List<Manifest> templates) {

  /** The files of the corpus holding the templates the examples refer to. */
  static final List<String> FILES =
      List.of(
          "workflow-template/templates.yaml", "cluster-workflow-template/clustertemplates.yaml");

  static CorpusTemplates read(Path examples) throws IOException {
    List<Manifest> all = new ArrayList<>();
    for (String file : FILES) {
      ReadResult read = ManifestReader.lenient().read(examples.resolve(file));
      List<Manifest> found =
          read.manifests().stream()
              .filter(m -> m instanceof WorkflowTemplate || m instanceof ClusterWorkflowTemplate)
              .toList();
      if (found.isEmpty()) {
        throw new IllegalStateException(file + " holds no template: " + read.errors());
      }
      all.addAll(found);
    }
    return new CorpusTemplates(List.copyOf(all));
  }

  /** Writes them into {@code folder} (one file), for the local runtime's template folder. */
  Path writeTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("templates.yaml"), ManifestWriter.create().toYamlDocuments(templates));
    return folder;
  }
}
