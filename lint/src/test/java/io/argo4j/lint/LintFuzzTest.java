package io.argo4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random damage to upstream examples (fields deleted, renamed or given the wrong type, list entries
 * duplicated so that names clash, text truncated or spliced) never makes lint throw or report an
 * internal error: it only reports findings, each with a source, a rule and a message.
 */
class LintFuzzTest {
  private static final List<String> CORPUS = load();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Linter LINTER = Linter.builder().build();

  private static final int TRIES = 200;

  @Test
  void mutatedManifestsOnlyProduceFindings() {
    Random seeds = new Random(20240521L);
    for (int i = 0; i < TRIES; i++) {
      int pick = seeds.nextInt(100_000);
      long seed = seeds.nextLong();
      checkOne(CORPUS.get(pick % CORPUS.size()), seed);
    }
  }

  private static void checkOne(String original, long seed) {
    Random random = new Random(seed);
    String mutated = mutate(original, random);

    LintReport report = LINTER.lintText(mutated, "fuzz.yaml");

    for (Finding f : report.findings()) {
      assertThat(f.message()).as("finding of %s", mutated).doesNotContain("internal error");
      assertThat(f.source()).isEqualTo("fuzz.yaml");
      assertThat(f.line()).isGreaterThanOrEqualTo(0);
    }
    assertThat(report.toText()).isNotEmpty();
    assertThat(report.toJson()).startsWith("{");
  }

  private static String mutate(String text, Random random) {
    int kind = random.nextInt(6);
    if (kind == 0) {
      return text.substring(0, random.nextInt(text.length() + 1));
    }
    if (kind == 1) {
      String[] lines = text.split("\n", -1);
      int drop = random.nextInt(lines.length);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        if (i != drop) {
          sb.append(lines[i]).append('\n');
        }
      }
      return sb.toString();
    }
    try {
      List<JsonNode> docs = new ArrayList<>();
      try (var parser = YAML.createParser(text)) {
        YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
      }
      if (docs.isEmpty()) {
        return text;
      }
      int times = 1 + random.nextInt(3);
      for (int t = 0; t < times; t++) {
        JsonNode doc = docs.get(random.nextInt(docs.size()));
        List<JsonNode> containers = new ArrayList<>();
        collect(doc, containers);
        if (!containers.isEmpty()) {
          damage(containers.get(random.nextInt(containers.size())), random);
        }
      }
      StringBuilder sb = new StringBuilder();
      for (JsonNode doc : docs) {
        sb.append(YAML.writeValueAsString(doc));
      }
      return sb.toString();
    } catch (JsonProcessingException e) {
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isObject() || node.isArray()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  private static void damage(JsonNode container, Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode[] replacements = {
      f.numberNode(random.nextInt(1000) - 500),
      f.textNode("{{steps.x.outputs.result"),
      f.textNode("{{inputs.parameters.nope}}"),
      f.booleanNode(true),
      f.nullNode(),
      f.arrayNode().add("a"),
      f.objectNode().put("name", "x"),
      f.textNode("")
    };
    if (container instanceof ObjectNode obj && !obj.isEmpty()) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(3)) {
        case 0 -> obj.remove(name);
        case 1 -> obj.set(name + "x", obj.remove(name));
        default -> obj.set(name, replacements[random.nextInt(replacements.length)]);
      }
    } else if (container instanceof ArrayNode arr && !arr.isEmpty()) {
      int i = random.nextInt(arr.size());
      switch (random.nextInt(3)) {
        case 0 -> arr.add(arr.get(i).deepCopy());
        case 1 -> arr.remove(i);
        default -> arr.set(i, replacements[random.nextInt(replacements.length)]);
      }
    }
  }

  private static List<String> load() {
    List<String> texts = new ArrayList<>();
    for (Path file : Corpus.files()) {
      try {
        texts.add(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return texts;
  }
}
