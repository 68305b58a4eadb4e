package io.argo4j.lint.internal.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argo4j.lint.Finding;
import io.argo4j.lint.LintReport;
import io.argo4j.lint.Skipped;
import java.io.UncheckedIOException;

/** Renders a report as JSON with a fixed key order, so that output can be diffed and parsed. */
public final class JsonRenderer {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonRenderer() {}

  /** The report as one JSON object ending with a newline. */
  public static String render(LintReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("valid", !report.hasErrors());
    root.put("files", report.sources());
    root.put("documents", report.documents());
    root.put("errors", report.errors().size());
    root.put("warnings", report.warnings().size());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode node = findings.addObject();
      node.put("file", f.source());
      node.put("line", f.line());
      node.put("column", f.column());
      node.put("path", f.path());
      node.put("rule", f.rule().id());
      node.put("severity", f.isError() ? "error" : "warning");
      node.put("message", f.message());
      if (f.expected() == null) {
        node.putNull("expected");
      } else {
        node.put("expected", f.expected());
      }
    }
    ArrayNode skipped = root.putArray("skipped");
    for (Skipped s : report.skipped()) {
      ObjectNode node = skipped.addObject();
      node.put("file", s.source());
      node.put("line", s.line());
      node.put("kind", s.kind());
      if (s.name() == null) {
        node.putNull("name");
      } else {
        node.put("name", s.name());
      }
      node.put("reason", s.reason());
    }
    try {
      return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
