package io.argo4j.model.internal.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argo4j.model.io.ModelProblem;
import io.argo4j.model.io.Severity;
import io.argo4j.model.io.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text (one value, or several one after another) into trees with their locations,
 * reporting duplicate keys.
 */
public final class JsonTreeReader {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTreeReader() {}

  /** Reads every top-level value of {@code text}. */
  public static RawStream read(String text, String source) {
    List<RawDocument> documents = new ArrayList<>();
    SourceMapBuilder locations = new SourceMapBuilder(source);
    try (JsonParser parser = FACTORY.createParser(text)) {
      while (parser.nextToken() != null) {
        DocumentBuilder builder = new DocumentBuilder(source);
        SourceLocation start = at(locations, parser.currentTokenLocation());
        JsonNode root = builder.value(parser, Path.ROOT);
        documents.add(
            new RawDocument(
                documents.size(), start, root, builder.map.build(), List.copyOf(builder.problems)));
      }
      return new RawStream(documents, null);
    } catch (JsonProcessingException e) {
      SourceLocation at = e.getLocation() == null ? null : at(locations, e.getLocation());
      return new RawStream(
          documents, ModelProblem.error("", at, "invalid JSON: " + e.getOriginalMessage(), null));
    } catch (IOException e) {
      return new RawStream(
          documents, ModelProblem.error("", null, "cannot read JSON: " + e.getMessage(), null));
    }
  }

  static SourceLocation at(SourceMapBuilder locations, JsonLocation location) {
    return locations.location(
        Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static final class DocumentBuilder {
    private final SourceMapBuilder map;
    private final List<ModelProblem> problems = new ArrayList<>();

    DocumentBuilder(String source) {
      this.map = new SourceMapBuilder(source);
    }

    /** Builds the value whose first token is current. */
    JsonNode value(JsonParser parser, Path path) throws IOException {
      map.value(path, at(map, parser.currentTokenLocation()));
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT -> {
          ObjectNode object = NODES.objectNode();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourceLocation keyAt = at(map, parser.currentTokenLocation());
            Path child = path.key(key);
            if (object.has(key)) {
              SourceLocation first = map.keyAt(child);
              problems.add(
                  new ModelProblem(
                      Severity.WARNING,
                      child.display(),
                      keyAt,
                      "duplicate key \""
                          + key
                          + "\""
                          + (first == null
                              ? ""
                              : " (first at " + first.line() + ":" + first.column() + ")")
                          + "; the last value is used, as Kubernetes does",
                      null));
              map.replaceKey(child, keyAt);
            } else {
              map.key(child, keyAt);
            }
            parser.nextToken();
            object.set(key, value(parser, child));
          }
          return object;
        }
        case START_ARRAY -> {
          ArrayNode array = NODES.arrayNode();
          int i = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser, path.index(i++)));
          }
          return array;
        }
        case VALUE_STRING -> {
          return NODES.textNode(parser.getText());
        }
        case VALUE_NUMBER_INT -> {
          return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          double d = parser.getDoubleValue();
          return Double.isInfinite(d)
              ? NODES.numberNode(parser.getDecimalValue())
              : NODES.numberNode(d);
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
        }
        default -> {
          return NullNode.getInstance();
        }
      }
    }
  }
}
