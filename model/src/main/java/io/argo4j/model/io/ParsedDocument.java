package io.argo4j.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.Manifest;
import java.util.List;
import java.util.Optional;

/**
 * One document of a source as read.
 *
 * @param index the position of the document among the non-empty documents of its source, from 0
 * @param start where the document starts
 * @param manifest the typed resource, or null when the document could not be bound at all (not a
 *     mapping, no kind, unknown Argo kind). With errors in {@code problems} it is a best effort:
 *     the values in error are left out.
 * @param tree the document as read, before any checking; {@link #tree()} returns a copy
 * @param sourceMap where each field of the document is
 * @param problems the problems of this document, in source order
 */
public record ParsedDocument(
    int index,
    SourceLocation start,
    Manifest manifest,
    JsonNode tree,
    SourceMap sourceMap,
    List<ModelProblem> problems) {

  /** Keeps private copies of the tree and the problem list. */
  public ParsedDocument {
    tree = tree.deepCopy();
    problems = List.copyOf(problems);
  }

  /** A copy of the document as read. */
  @Override
  public JsonNode tree() {
    return tree.deepCopy();
  }

  /** Whether any problem is an error. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(ModelProblem::isError);
  }

  /** The manifest if the document has no errors. */
  public Optional<Manifest> validManifest() {
    return hasErrors() ? Optional.empty() : Optional.ofNullable(manifest);
  }
}
