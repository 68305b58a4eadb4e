package io.argo4j.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.argo4j.model.Manifest;
import io.argo4j.model.OtherResource;
import io.argo4j.model.internal.json.Mappers;
import io.argo4j.model.internal.json.YamlQuoting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes manifests and other model values as YAML or JSON: fields in declaration order, absent
 * values omitted, timestamps as {@code 2024-05-01T10:00:00Z}, strings quoted only where a YAML
 * reader could mistake them for another type. {@link OtherResource}s are written as they were read.
 */
public final class ManifestWriter {
  private static final ObjectMapper MAPPER = Mappers.shared();
  private static final ObjectWriter JSON = jsonWriter();
  private static final ObjectMapper YAML = yamlMapper();

  private ManifestWriter() {}

  /** A writer. It holds no state; instances may be shared. */
  public static ManifestWriter create() {
    return new ManifestWriter();
  }

  /** The JSON tree of a manifest or of any model value (a template, a node status, ...). */
  public JsonNode toTree(Object value) {
    if (value instanceof OtherResource other) {
      return other.raw();
    }
    return MAPPER.valueToTree(value);
  }

  /** One YAML document, without a leading {@code ---}. */
  public String toYaml(Object value) {
    try {
      return YAML.writeValueAsString(toTree(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Several YAML documents separated by {@code ---} lines. */
  public String toYamlDocuments(List<? extends Manifest> manifests) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < manifests.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      sb.append(toYaml(manifests.get(i)));
    }
    return sb.toString();
  }

  /** One JSON document, indented, ending with a newline. */
  public String toJson(Object value) {
    try {
      return JSON.writeValueAsString(toTree(value)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Several JSON documents one after another (as {@link ManifestReader} reads them back). */
  public String toJsonDocuments(List<? extends Manifest> manifests) {
    StringBuilder sb = new StringBuilder();
    for (Manifest manifest : manifests) {
      sb.append(toJson(manifest));
    }
    return sb.toString();
  }

  /** Writes several documents in {@code format} to {@code out}. */
  public void write(List<? extends Manifest> manifests, Format format, Writer out)
      throws IOException {
    out.write(format == Format.YAML ? toYamlDocuments(manifests) : toJsonDocuments(manifests));
    out.flush();
  }

  private static ObjectWriter jsonWriter() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    // Plain "\n" rather than the platform's line separator, so that output is the same everywhere.
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    return MAPPER.writer(printer);
  }

  private static ObjectMapper yamlMapper() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .stringQuotingChecker(new YamlQuoting())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    return new YAMLMapper(factory);
  }
}
