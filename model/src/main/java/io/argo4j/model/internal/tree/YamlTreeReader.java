package io.argo4j.model.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.argo4j.model.io.ModelProblem;
import io.argo4j.model.io.Severity;
import io.argo4j.model.io.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML stream into one JSON tree per document, recording where every key and value was
 * written. Anchors, aliases and merge keys ({@code <<}) are expanded; duplicate keys are reported.
 */
public final class YamlTreeReader {
  static final int MAX_DEPTH = 200;
  static final int MAX_NODES = 2_000_000;

  private static final String TAG = "tag:yaml.org,2002:";

  private YamlTreeReader() {}

  /** Reads every document of {@code text}; empty documents are left out. */
  public static RawStream read(String text, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    List<RawDocument> documents = new ArrayList<>();
    SourceMapBuilder locations = new SourceMapBuilder(source);
    try {
      ParserImpl parser = new ParserImpl(new StreamReader(text), options);
      parser.getEvent(); // stream start
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        Event start = parser.getEvent(); // document start
        DocumentBuilder builder = new DocumentBuilder(source);
        JsonNode root = builder.node(parser, Path.ROOT, 0);
        parser.getEvent(); // document end
        if (!root.isNull()) {
          documents.add(
              new RawDocument(
                  documents.size(),
                  at(locations, start.getStartMark()),
                  root,
                  builder.map.build(),
                  List.copyOf(builder.problems)));
        }
      }
      return new RawStream(documents, null);
    } catch (MarkedYAMLException e) {
      return new RawStream(documents, syntaxError(locations, e));
    } catch (TreeLimitException e) {
      return new RawStream(documents, ModelProblem.error("", e.location(), e.getMessage(), null));
    } catch (YAMLException e) {
      return new RawStream(
          documents, ModelProblem.error("", null, "invalid YAML: " + e.getMessage(), null));
    }
  }

  private static ModelProblem syntaxError(SourceMapBuilder locations, MarkedYAMLException e) {
    StringBuilder message = new StringBuilder("invalid YAML: ");
    message.append(e.getProblem() == null ? "syntax error" : e.getProblem());
    if (e.getContext() != null) {
      message.append(" (").append(e.getContext());
      if (e.getContextMark() != null) {
        Mark m = e.getContextMark();
        message.append(" at ").append(m.getLine() + 1).append(':').append(m.getColumn() + 1);
      }
      message.append(')');
    }
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    return ModelProblem.error(
        "", mark == null ? null : at(locations, mark), message.toString(), null);
  }

  static SourceLocation at(SourceMapBuilder locations, Mark mark) {
    return locations.location(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private record Anchor(JsonNode node, String pointer, int size) {}

  private record MergeSource(ObjectNode node, Path path) {}

  private record Key(String text, boolean merge) {}

  /** Builds one document; anchors do not cross documents. */
  private static final class DocumentBuilder {
    private final SourceMapBuilder map;
    private final List<ModelProblem> problems = new ArrayList<>();
    private final Map<String, Anchor> anchors = new HashMap<>();
    private int nodes;

    DocumentBuilder(String source) {
      this.map = new SourceMapBuilder(source);
    }

    JsonNode node(ParserImpl parser, Path path, int depth) {
      Event event = parser.getEvent();
      SourceLocation at = at(map, event.getStartMark());
      if (depth > MAX_DEPTH) {
        throw new TreeLimitException(at, "document nested deeper than " + MAX_DEPTH + " levels");
      }
      int before = nodes;
      JsonNode result;
      switch (event.getEventId()) {
        case Alias -> {
          return alias((AliasEvent) event, path, at);
        }
        case Scalar -> result = scalar((ScalarEvent) event, path, at);
        case SequenceStart -> result = sequence(parser, path, depth);
        case MappingStart -> result = mapping(parser, path, depth);
        default -> throw new TreeLimitException(at, "unexpected YAML event " + event.getEventId());
      }
      count(at, 1);
      map.value(path, at);
      String anchor = ((NodeEvent) event).getAnchor();
      if (anchor != null) {
        anchors.put(anchor, new Anchor(result, path.pointer(), nodes - before));
      }
      return result;
    }

    private void count(SourceLocation at, int n) {
      nodes += n;
      if (nodes > MAX_NODES) {
        throw new TreeLimitException(
            at, "document expands to more than " + MAX_NODES + " values (too many aliases?)");
      }
    }

    private JsonNode alias(AliasEvent event, Path path, SourceLocation at) {
      Anchor anchor = anchors.get(event.getAnchor());
      if (anchor == null) {
        problems.add(
            ModelProblem.error(
                path.display(),
                at,
                "alias *" + event.getAnchor() + " refers to no anchor defined before it",
                null));
        return NullNode.getInstance();
      }
      count(at, anchor.size());
      map.value(path, at);
      map.copyBelow(anchor.pointer(), path.pointer());
      return anchor.node().deepCopy();
    }

    private JsonNode scalar(ScalarEvent event, Path path, SourceLocation at) {
      String tag = event.getTag();
      String value = event.getValue();
      if (tag == null) {
        return event.isPlain() ? ScalarResolver.plain(value) : TextNode.valueOf(value);
      }
      if (!tag.startsWith(TAG)) {
        // "!" and application tags: YAML says "!" means string; other tags are ignored.
        return tag.equals("!") || !event.isPlain()
            ? TextNode.valueOf(value)
            : ScalarResolver.plain(value);
      }
      String type = tag.substring(TAG.length());
      JsonNode typed =
          switch (type) {
            case "str", "binary", "timestamp" -> TextNode.valueOf(value);
            case "null" -> NullNode.getInstance();
            case "bool" -> {
              JsonNode b = ScalarResolver.plain(value);
              yield b instanceof BooleanNode ? b : null;
            }
            case "int" -> {
              JsonNode n = ScalarResolver.number(value.replace("_", ""));
              yield n != null && n.isIntegralNumber() ? n : null;
            }
            case "float" -> {
              JsonNode n = ScalarResolver.number(value.replace("_", ""));
              yield n == null ? null : JsonNodeFactory.instance.numberNode(n.doubleValue());
            }
            default -> event.isPlain() ? ScalarResolver.plain(value) : TextNode.valueOf(value);
          };
      if (typed == null) {
        problems.add(
            ModelProblem.error(
                path.display(), at, "\"" + value + "\" is not a valid !!" + type, null));
        return TextNode.valueOf(value);
      }
      return typed;
    }

    private JsonNode sequence(ParserImpl parser, Path path, int depth) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      int i = 0;
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        array.add(node(parser, path.index(i++), depth + 1));
      }
      parser.getEvent();
      return array;
    }

    private JsonNode mapping(ParserImpl parser, Path path, int depth) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      List<MergeSource> merges = new ArrayList<>();
      while (!parser.checkEvent(Event.ID.MappingEnd)) {
        Event keyEvent = parser.peekEvent();
        SourceLocation keyAt = at(map, keyEvent.getStartMark());
        Key parsed = key(parser, path, depth, keyEvent, keyAt);
        if (parsed == null) {
          skip(parser);
          continue;
        }
        String key = parsed.text();
        if (parsed.merge()) {
          Path mergePath = path.key("<<");
          JsonNode value = node(parser, mergePath, depth + 1);
          collectMerges(value, mergePath, merges, keyAt);
          continue;
        }
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
        object.set(key, node(parser, child, depth + 1));
      }
      parser.getEvent();
      if (!merges.isEmpty()) {
        applyMerges(object, path, merges);
      }
      return object;
    }

    /** The key, or null for a key that cannot be used. */
    private Key key(ParserImpl parser, Path path, int depth, Event keyEvent, SourceLocation keyAt) {
      if (keyEvent instanceof ScalarEvent scalar) {
        parser.getEvent();
        boolean merge =
            (scalar.getTag() == null && scalar.isPlain() && scalar.getValue().equals("<<"))
                || (TAG + "merge").equals(scalar.getTag());
        return new Key(scalar.getValue(), merge);
      }
      if (keyEvent instanceof AliasEvent) {
        JsonNode aliased = node(parser, path.key("?"), depth + 1);
        map.remove(path.key("?").pointer());
        if (aliased.isValueNode() && !aliased.isNull()) {
          return new Key(aliased.asText(), false);
        }
      } else {
        skip(parser);
      }
      problems.add(
          ModelProblem.error(
              path.display(),
              keyAt,
              "a mapping key must be a plain value, not a list or mapping",
              null));
      return null;
    }

    /** Consumes one node's events without building it. */
    private void skip(ParserImpl parser) {
      int level = 0;
      do {
        Event e = parser.getEvent();
        if (e instanceof CollectionStartEvent) {
          level++;
        } else if (e.is(Event.ID.SequenceEnd) || e.is(Event.ID.MappingEnd)) {
          level--;
        }
      } while (level > 0);
    }

    private void collectMerges(
        JsonNode value, Path mergePath, List<MergeSource> merges, SourceLocation keyAt) {
      if (value instanceof ObjectNode o) {
        merges.add(new MergeSource(o, mergePath));
        return;
      }
      if (value instanceof ArrayNode a) {
        boolean all = true;
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i) instanceof ObjectNode o) {
            merges.add(new MergeSource(o, mergePath.index(i)));
          } else {
            all = false;
          }
        }
        if (all) {
          return;
        }
      }
      problems.add(
          ModelProblem.error(
              mergePath.display(),
              keyAt,
              "a merge key (<<) takes a mapping or a list of mappings",
              null));
    }

    /** Keys written explicitly win; among merged mappings, the first one listed wins. */
    private void applyMerges(ObjectNode object, Path path, List<MergeSource> merges) {
      for (MergeSource merge : merges) {
        for (Map.Entry<String, JsonNode> field : merge.node().properties()) {
          if (!object.has(field.getKey())) {
            object.set(field.getKey(), field.getValue().deepCopy());
            map.copyAll(
                merge.path().key(field.getKey()).pointer(), path.key(field.getKey()).pointer());
          }
        }
      }
      map.remove(path.key("<<").pointer());
    }
  }
}
