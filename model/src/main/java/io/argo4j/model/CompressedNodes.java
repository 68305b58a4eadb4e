package io.argo4j.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.internal.json.Mappers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Argo's {@code status.compressedNodes}: the JSON of the node map, gzipped, then base64 encoded.
 * Writers store it instead of {@code status.nodes} when the workflow would exceed the API server's
 * object size; readers {@link #hydrate(Workflow) hydrate} it back so that nothing else ever sees
 * the compressed form. Pure: no I/O besides in-memory streams.
 */
public final class CompressedNodes {
  private static final ObjectMapper JSON = Mappers.create();
  private static final TypeReference<LinkedHashMap<String, NodeStatus>> NODE_MAP =
      new TypeReference<>() {};

  private CompressedNodes() {}

  /** The compressed form of {@code nodes}. */
  public static String encode(Map<String, NodeStatus> nodes) {
    try {
      byte[] json = JSON.writeValueAsBytes(nodes == null ? Map.of() : nodes);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length / 8));
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(json);
      }
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compress the node status", e);
    }
  }

  /**
   * The node map of a compressed form.
   *
   * @throws IllegalArgumentException when {@code compressed} is not base64 of gzipped JSON of a
   *     node map, saying which of the three it is not
   */
  public static Map<String, NodeStatus> decode(String compressed) {
    byte[] gzipped;
    try {
      gzipped = Base64.getDecoder().decode(compressed.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status.compressedNodes is not base64 (" + e.getMessage() + ")", e);
    }
    byte[] json;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      json = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "status.compressedNodes is not gzip data (" + e.getMessage() + ")", e);
    }
    try {
      return JSON.readValue(json, NODE_MAP);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "status.compressedNodes does not hold a node map: "
              + e.getMessage()
              + " in "
              + abbreviate(new String(json, StandardCharsets.UTF_8)),
          e);
    }
  }

  /**
   * The workflow with its nodes in {@code status.nodes} (decoded from {@code
   * status.compressedNodes} if they are there), the form the engine works on.
   */
  public static Workflow hydrate(Workflow wf) {
    WorkflowStatus s = wf.status();
    if (s == null || s.compressedNodes() == null || s.compressedNodes().isEmpty()) {
      return wf;
    }
    Map<String, NodeStatus> nodes = new LinkedHashMap<>(decode(s.compressedNodes()));
    if (s.nodes() != null) {
      nodes.putAll(s.nodes()); // Argo never writes both; if someone did, the plain map wins
    }
    return wf.withStatus(s.toBuilder().nodes(nodes).compressedNodes(null).build());
  }

  /** The workflow with its nodes moved to {@code status.compressedNodes}. */
  public static Workflow dehydrate(Workflow wf) {
    WorkflowStatus s = wf.status();
    if (s == null || s.nodes() == null || s.nodes().isEmpty()) {
      return wf;
    }
    return wf.withStatus(s.toBuilder().compressedNodes(encode(s.nodes())).nodes(null).build());
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
