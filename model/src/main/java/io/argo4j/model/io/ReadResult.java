package io.argo4j.model.io;

import io.argo4j.model.Manifest;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one source: its documents and every problem found, errors and warnings.
 *
 * @param source the source name (file name, {@code <stdin>}, ...)
 * @param documents the non-empty documents read, up to a syntax error if there is one
 * @param problems the problems of all documents, then a syntax error that stopped reading (which
 *     belongs to no document), if any
 */
public record ReadResult(
    String source, List<ParsedDocument> documents, List<ModelProblem> problems) {

  /** Keeps private copies of the lists. */
  public ReadResult {
    Objects.requireNonNull(source, "source");
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  /** Whether any problem is an error. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(ModelProblem::isError);
  }

  /** The errors only. */
  public List<ModelProblem> errors() {
    return problems.stream().filter(ModelProblem::isError).toList();
  }

  /** The warnings only. */
  public List<ModelProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** The typed resources of every document that could be bound, errors or not. */
  public List<Manifest> manifests() {
    return documents.stream().map(ParsedDocument::manifest).filter(Objects::nonNull).toList();
  }

  /** The resources if there is no error; otherwise a {@link ManifestException} listing them all. */
  public List<Manifest> requireValid() throws ManifestException {
    if (hasErrors()) {
      throw new ManifestException(problems);
    }
    return manifests();
  }

  /**
   * The one resource of type {@code type} in this source, which must have no error; a {@link
   * ManifestException} if there are errors, or none or several of that type.
   */
  public <T extends Manifest> T requireOne(Class<T> type) throws ManifestException {
    List<Manifest> all = requireValid();
    List<T> matching = all.stream().filter(type::isInstance).map(type::cast).toList();
    if (matching.size() != 1) {
      String message =
          matching.isEmpty()
              ? "no " + type.getSimpleName() + " found"
              : matching.size() + " documents of kind " + type.getSimpleName() + ", expected one";
      throw new ManifestException(
          List.of(
              ModelProblem.error(
                  "", new SourceLocation(source, 1, 1), message + " in " + source, null)));
    }
    return matching.get(0);
  }
}
