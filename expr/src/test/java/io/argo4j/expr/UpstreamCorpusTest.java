package io.argo4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code {{...}}}, {@code {{=...}}}, {@code when:}, {@code depends:} and {@code expression:}
 * in Argo's examples parses.
 */
class UpstreamCorpusTest {

  /** One expression found in the corpus, for reporting. */
  record Found(String kind, String file, String path, String text) {}

  static Path corpus() {
    String root = System.getProperty("argo4j.repoRoot");
    Path dir = root == null ? null : Path.of(root, "..", "shared", "argo-upstream", "examples");
    if (dir == null || !Files.isDirectory(dir)) {
      throw new AssertionError(
          "the upstream corpus is missing at "
              + dir
              + " (system property argo4j.repoRoot="
              + root
              + "; the build sets it to the checkout, and the corpus lives in"
              + " ../shared/argo-upstream/examples next to it)");
    }
    return dir.normalize();
  }

  static List<Found> extract(Path dir) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Found> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          if (doc != null) {
            walk(doc, dir.relativize(f).toString(), "", null, out);
          }
        }
      }
    }
    return out;
  }

  private static void walk(JsonNode node, String file, String path, String key, List<Found> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(e.getValue(), file, path + "." + e.getKey(), e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), file, path + "[" + i + "]", key, out);
      }
    } else if (node.isTextual()) {
      String text = node.asText();
      if (text.contains("{{")) {
        out.add(new Found("template", file, path, text));
      }
      if ("when".equals(key)) {
        out.add(new Found("when", file, path, text));
      } else if ("depends".equals(key)) {
        out.add(new Found("depends", file, path, text));
      } else if ("expression".equals(key)) {
        out.add(new Found("expression", file, path, text));
      }
    }
  }

  /** Replaces each tag by a plain word, as substitution would before govaluate runs. */
  static String substituteForGovaluate(String when) {
    return when.replaceAll("\\{\\{[^}]*}}", "x");
  }

  @Test
  void everyExpressionInTheExamplesParses() throws IOException {
    List<Found> found = extract(corpus());
    List<String> failures = new ArrayList<>();
    int templates = 0;
    int simpleTags = 0;
    int expressionTags = 0;
    int whens = 0;
    int depends = 0;
    int expressions = 0;
    for (Found f : found) {
      try {
        switch (f.kind) {
          case "template" -> {
            TemplateString t = TemplateString.parse(f.text);
            templates++;
            for (Reference r : t.references()) {
              if (!r.expression()) {
                simpleTags++;
              }
            }
            expressionTags += countExpressionTags(f.text);
          }
          case "when" -> {
            TemplateString.parse(f.text);
            Govaluate.compile(substituteForGovaluate(f.text));
            whens++;
          }
          case "depends" -> {
            Depends.compile(f.text);
            depends++;
          }
          default -> {
            // Argo substitutes {{...}} in the template before evaluating the expression
            TemplateString.parse(f.text);
            ExprLang.compile(substituteForGovaluate(f.text));
            expressions++;
          }
        }
      } catch (ExprException e) {
        failures.add(f.kind + " " + f.file + " " + f.path + ": " + e.getMessage());
      }
    }
    System.out.printf(
        "argo-upstream examples: %d strings with tags (%d simple tags, %d {{=...}} tags), %d when,"
            + " %d depends, %d expression: %d in all, %d failures%n",
        templates,
        simpleTags,
        expressionTags,
        whens,
        depends,
        expressions,
        simpleTags + expressionTags + whens + depends + expressions,
        failures.size());
    assertThat(failures).isEmpty();
    assertThat(simpleTags + expressionTags + whens + depends + expressions).isGreaterThan(300);
    assertThat(expressionTags).isPositive();
    assertThat(depends).isPositive();
    assertThat(whens).isPositive();
    assertThat(expressions).isPositive();
  }

  static int countExpressionTags(String text) {
    int n = 0;
    for (int i = text.indexOf("{{="); i >= 0; i = text.indexOf("{{=", i + 3)) {
      n++;
    }
    return n;
  }
}
