package io.argo4j.runtime.kubernetes.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.argo4j.model.ArgoDuration;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ModelJson;
import io.argo4j.runtime.kubernetes.ControllerSettings;
import io.argo4j.runtime.kubernetes.ControllerSettings.ImageCommand;
import io.fabric8.kubernetes.api.model.Container;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the data of Argo's {@code workflow-controller-configmap}: either one {@code config} entry
 * holding the whole configuration as YAML, or one entry per key whose value is that key's YAML (as
 * Argo accepts both). Keys Argo4j applies become {@link ControllerSettings}; keys Argo knows but
 * Argo4j does not apply, and keys nobody knows, are listed so the caller can warn about them.
 */
public final class ControllerSettingsParser {

  /** The result of a successful read. */
  public record Parsed(
      ControllerSettings settings, List<String> unsupportedKeys, List<String> unknownKeys) {}

  /** Argo keys that Argo4j reads but does not apply yet. */
  static final Set<String> UNSUPPORTED =
      Set.of(
          "artifactRepository",
          "persistence",
          "sso",
          "synchronization",
          "resourceRateLimit",
          "workflowRestrictions",
          "podSpecLogStrategy",
          "retentionPolicy",
          "metricsConfig",
          "telemetryConfig",
          "nodeEvents",
          "workflowEvents",
          "kubeConfig",
          "initialDelay",
          "links",
          "columns",
          "navColor",
          "artifactDrivers",
          "failedPodRestart",
          "disableAgentPodCreation",
          "initlessPod",
          "containerRuntimeExecutor",
          "containerRuntimeExecutors",
          "executorImage",
          "workflowEventBindings",
          "semaphoreLimits");

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper MODEL = ModelJson.newObjectMapper();
  private static final ObjectMapper KUBE = JsonMapper.builder().build();

  private ControllerSettingsParser() {}

  /**
   * Reads the ConfigMap's data.
   *
   * @throws IllegalArgumentException naming the key and what would be valid when a value is
   *     malformed
   */
  public static Parsed parse(Map<String, String> data) {
    ObjectNode config = toTree(data == null ? Map.of() : data);
    int parallelism = 0;
    int namespaceParallelism = 0;
    Duration deleteDelay = null;
    Duration gracePeriod = null;
    Workflow defaults = null;
    Container executor = null;
    Container main = null;
    Map<String, ImageCommand> images = Map.of();
    String instanceId = null;
    String namespace = null;
    Set<String> unsupported = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : config.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (v == null || v.isNull()) {
        continue;
      }
      switch (key) {
        case "parallelism" -> parallelism = wholeNumber(key, v);
        case "namespaceParallelism" -> namespaceParallelism = wholeNumber(key, v);
        case "podGCDeleteDelayDuration" -> deleteDelay = duration(key, v);
        case "podGCGracePeriodSeconds" -> gracePeriod = Duration.ofSeconds(wholeNumber(key, v));
        case "workflowDefaults" -> defaults = workflow(key, v);
        case "executor" -> executor = container(key, v);
        case "mainContainer" -> main = container(key, v);
        case "images" -> images = images(key, v);
        case "instanceID" -> instanceId = text(key, v);
        case "namespace" -> namespace = text(key, v);
        default -> (UNSUPPORTED.contains(key) ? unsupported : unknown).add(key);
      }
    }
    return new Parsed(
        new ControllerSettings(
            parallelism,
            namespaceParallelism,
            deleteDelay,
            gracePeriod,
            defaults,
            executor,
            main,
            images,
            instanceId,
            namespace),
        List.copyOf(unsupported),
        List.copyOf(unknown));
  }

  private static ObjectNode toTree(Map<String, String> data) {
    if (data.containsKey("config")) {
      if (data.size() != 1) {
        Set<String> others = new TreeSet<>(data.keySet());
        others.remove("config");
        throw new IllegalArgumentException(
            "the entry 'config' holds the whole configuration and must be the only entry, but "
                + others
                + " are there too: move them into 'config' or drop 'config'");
      }
      JsonNode tree = yaml("config", data.get("config"));
      if (tree == null || tree.isNull() || tree.isMissingNode()) {
        return YAML.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new IllegalArgumentException(
            "the entry 'config' must be a YAML mapping of settings, was a " + tree.getNodeType());
      }
      return (ObjectNode) tree;
    }
    ObjectNode tree = YAML.createObjectNode();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(data).entrySet()) {
      tree.set(e.getKey(), yaml(e.getKey(), e.getValue()));
    }
    return tree;
  }

  private static JsonNode yaml(String key, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "key '" + key + "' is not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static int wholeNumber(String key, JsonNode v) {
    String text = v.asText().strip();
    try {
      int n = v.isInt() ? v.intValue() : Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "key '" + key + "' must be a whole number of 0 or more, was '" + text + "'");
  }

  private static Duration duration(String key, JsonNode v) {
    try {
      return ArgoDuration.parse(v.asText().strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "key '"
              + key
              + "' must be a duration such as 5s, 1m30s or 2h, was '"
              + v.asText()
              + "': "
              + e.getMessage(),
          e);
    }
  }

  private static String text(String key, JsonNode v) {
    if (!v.isValueNode()) {
      throw new IllegalArgumentException("key '" + key + "' must be a string");
    }
    return v.asText().strip();
  }

  private static Workflow workflow(String key, JsonNode v) {
    if (!v.isObject()) {
      throw new IllegalArgumentException(
          "key '" + key + "' must be a Workflow (metadata and spec), was a " + v.getNodeType());
    }
    try {
      return MODEL.treeToValue(v, Workflow.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "key '" + key + "' is not a valid Workflow: " + e.getMessage(), e);
    }
  }

  private static Container container(String key, JsonNode v) {
    if (!v.isObject()) {
      throw new IllegalArgumentException(
          "key '"
              + key
              + "' must be a container (image, resources, env...), was "
              + v.getNodeType());
    }
    try {
      return KUBE.treeToValue(v, Container.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "key '" + key + "' is not a valid container: " + e.getMessage(), e);
    }
  }

  private static Map<String, ImageCommand> images(String key, JsonNode v) {
    if (!v.isObject()) {
      throw new IllegalArgumentException(
          "key '" + key + "' must map image names to {entrypoint: [...], cmd: [...]}");
    }
    Map<String, ImageCommand> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      JsonNode image = e.getValue();
      String where = key + "." + e.getKey();
      if (!image.isObject()) {
        throw new IllegalArgumentException(
            "key '" + where + "' must be {entrypoint: [...], cmd: [...]}");
      }
      for (Iterator<String> names = image.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("entrypoint") && !name.equals("cmd")) {
          throw new IllegalArgumentException(
              "key '" + where + "' has '" + name + "'; only entrypoint and cmd are valid");
        }
      }
      out.put(
          e.getKey(),
          new ImageCommand(
              strings(where + ".entrypoint", image.get("entrypoint")),
              strings(where + ".cmd", image.get("cmd"))));
    }
    return out;
  }

  private static List<String> strings(String where, JsonNode v) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("key '" + where + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    v.forEach(s -> out.add(s.asText()));
    return out;
  }
}
