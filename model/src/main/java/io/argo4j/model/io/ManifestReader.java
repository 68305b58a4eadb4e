package io.argo4j.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.ArgoKind;
import io.argo4j.model.ArgoResource;
import io.argo4j.model.Manifest;
import io.argo4j.model.OtherResource;
import io.argo4j.model.internal.check.KubernetesKinds;
import io.argo4j.model.internal.check.Problems;
import io.argo4j.model.internal.check.ShapeChecker;
import io.argo4j.model.internal.check.Suggestions;
import io.argo4j.model.internal.json.Mappers;
import io.argo4j.model.internal.tree.JsonTreeReader;
import io.argo4j.model.internal.tree.Path;
import io.argo4j.model.internal.tree.RawDocument;
import io.argo4j.model.internal.tree.RawStream;
import io.argo4j.model.internal.tree.YamlTreeReader;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads manifests (YAML or JSON, detected from the text; one or several documents) into typed
 * resources, with a source map per document and every problem found.
 *
 * <p>In strict mode (the default, and what lint uses) unknown or misspelled fields, numbers or
 * booleans where a string is expected and unknown enum values are errors; in lenient mode they are
 * warnings and the offending value is dropped or coerced. Wrong types are errors in both modes.
 * Duplicate keys are warnings in both modes: the last value is used, as Kubernetes does. Reading
 * never throws for the content of a manifest: problems come back in the {@link ReadResult}.
 */
public final class ManifestReader {
  private static final ObjectMapper MAPPER = Mappers.shared();
  private static final ShapeChecker CHECKER = new ShapeChecker(MAPPER);
  private static final String ARGO_GROUP = ArgoResource.GROUP + "/";

  private final boolean strict;

  private ManifestReader(boolean strict) {
    this.strict = strict;
  }

  /** A reader that reports unknown fields as errors. */
  public static ManifestReader strict() {
    return new ManifestReader(true);
  }

  /** A reader that reports unknown fields as warnings and drops them. */
  public static ManifestReader lenient() {
    return new ManifestReader(false);
  }

  /** Whether this reader is strict. */
  public boolean isStrict() {
    return strict;
  }

  /**
   * Reads a file; locations name it as given.
   *
   * @throws IOException only if the file cannot be read
   */
  public ReadResult read(java.nio.file.Path file) throws IOException {
    return read(Files.readAllBytes(file), file.toString());
  }

  /**
   * Reads a stream to its end.
   *
   * @throws IOException only if the stream cannot be read
   */
  public ReadResult read(InputStream in, String sourceName) throws IOException {
    return read(in.readAllBytes(), sourceName);
  }

  /** Reads standard input; locations name it {@code <stdin>}. */
  public ReadResult readStdin() throws IOException {
    return read(System.in, "<stdin>");
  }

  /** Reads text; locations name it {@code sourceName}. */
  public ReadResult read(String text, String sourceName) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    RawStream stream =
        looksLikeJson(content)
            ? JsonTreeReader.read(content, sourceName)
            : YamlTreeReader.read(content, sourceName);
    List<ParsedDocument> documents = new ArrayList<>();
    List<ModelProblem> problems = new ArrayList<>();
    for (RawDocument raw : stream.documents()) {
      ParsedDocument document = document(raw);
      documents.add(document);
      problems.addAll(document.problems());
    }
    if (stream.fatal() != null) {
      problems.add(stream.fatal());
    }
    return new ReadResult(sourceName, documents, problems);
  }

  private ReadResult read(byte[] bytes, String sourceName) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return read(text, sourceName);
    } catch (CharacterCodingException e) {
      return new ReadResult(
          sourceName,
          List.of(),
          List.of(ModelProblem.error("", null, "not UTF-8 text: " + sourceName, null)));
    }
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private ParsedDocument document(RawDocument raw) {
    Problems problems = new Problems(strict, raw.sourceMap());
    raw.problems().forEach(problems::add);
    Manifest manifest = null;
    try {
      manifest = manifest(raw.root(), problems);
    } catch (RuntimeException e) {
      // A defect of ours, not of the manifest: report it rather than fail the whole read.
      problems.add(
          ModelProblem.error(
              "", raw.start(), "internal error while reading this document: " + e, null));
    }
    return new ParsedDocument(
        raw.index(), raw.start(), manifest, raw.root(), raw.sourceMap(), problems.list());
  }

  private Manifest manifest(JsonNode root, Problems problems) {
    if (!root.isObject()) {
      problems.error(
          Path.ROOT,
          "a manifest must be an object with apiVersion and kind, found "
              + (root.isArray() ? "a list" : "a " + root.getNodeType().name().toLowerCase()),
          null);
      return null;
    }
    String apiVersion = requiredString(root, "apiVersion", problems);
    String kind = requiredString(root, "kind", problems);
    if (apiVersion == null || kind == null) {
      return null;
    }
    if (apiVersion.startsWith(ARGO_GROUP) || apiVersion.equals(ArgoResource.GROUP)) {
      return argoResource(root, apiVersion, kind, problems);
    }
    return otherResource(root, apiVersion, kind, problems);
  }

  private static String requiredString(JsonNode root, String field, Problems problems) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      problems.error(Path.ROOT, "missing " + field, null);
      return null;
    }
    if (!value.isTextual()) {
      problems.error(Path.ROOT.key(field), field + " must be a string", null);
      return null;
    }
    return value.textValue();
  }

  private ArgoResource argoResource(
      JsonNode root, String apiVersion, String kind, Problems problems) {
    if (!apiVersion.equals(ArgoResource.API_VERSION)) {
      problems.error(
          Path.ROOT.key("apiVersion"),
          "unsupported apiVersion \""
              + apiVersion
              + "\"; Argo's kinds are "
              + ArgoResource.API_VERSION,
          ArgoResource.API_VERSION);
    }
    ArgoKind argoKind = ArgoKind.fromKind(kind).orElse(null);
    if (argoKind == null) {
      problems.error(
          Path.ROOT.key("kind"),
          "unknown kind \""
              + kind
              + "\" in "
              + ArgoResource.GROUP
              + "; valid kinds: "
              + String.join(", ", ArgoKind.kinds()),
          Suggestions.nearest(kind, ArgoKind.kinds()));
      return null;
    }
    JsonNode clean = CHECKER.check(root, argoKind.type(), Path.ROOT, problems);
    return bind(clean, argoKind.type(), Path.ROOT, problems);
  }

  private OtherResource otherResource(
      JsonNode root, String apiVersion, String kind, Problems problems) {
    var known = KubernetesKinds.find(apiVersion, kind);
    JsonNode metadata;
    if (known.isPresent()) {
      JsonNode clean = CHECKER.check(root, known.get(), Path.ROOT, problems);
      metadata = clean.get("metadata");
    } else {
      JsonNode raw = root.get("metadata");
      Path path = Path.ROOT.key("metadata");
      metadata = raw == null ? null : CHECKER.check(raw, ObjectMeta.class, path, problems);
    }
    ObjectMeta meta =
        metadata == null || metadata.isNull()
            ? null
            : bind(metadata, ObjectMeta.class, Path.ROOT.key("metadata"), problems);
    return new OtherResource(apiVersion, kind, meta, root);
  }

  private static <T> T bind(JsonNode node, Class<T> type, Path path, Problems problems) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonMappingException e) {
      Path at = path;
      for (JsonMappingException.Reference ref : e.getPath()) {
        at = ref.getFieldName() != null ? at.key(ref.getFieldName()) : at.index(ref.getIndex());
      }
      problems.error(at, "cannot read this value: " + e.getOriginalMessage(), null);
      return null;
    } catch (JsonProcessingException e) {
      problems.error(path, "cannot read this value: " + e.getOriginalMessage(), null);
      return null;
    }
  }
}
