package io.argo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.argo4j.model.ArgoResource;
import io.argo4j.model.Manifest;
import io.argo4j.model.testing.UpstreamCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the model writes for every Argo document of the upstream examples validates against
 * upstream's {@code api/schema.json}, each kind against its own definition.
 *
 * <p>One correction to the schema: it declares Kubernetes' IntOrString as {@code type: string},
 * while Kubernetes (and upstream's own examples: {@code port: 8080}, {@code limit: 2}) accept an
 * integer or a string there. The test uses the Kubernetes meaning.
 */
class WrittenManifestsMatchSchemaTest {
  private static final String PREFIX = "io.argoproj.workflow.v1alpha1.";
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Schema> schemas = new HashMap<>();

  @Test
  void everyWrittenArgoDocumentValidatesAgainstUpstreamSchema() throws IOException {
    JsonNode schema = json.readTree(Files.readString(UpstreamCorpus.schemaFile()));
    ManifestReader reader = ManifestReader.strict();
    ManifestWriter writer = ManifestWriter.create();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> perKind = new HashMap<>();
    for (Path file : UpstreamCorpus.exampleFiles()) {
      for (Manifest manifest : reader.read(file).manifests()) {
        if (!(manifest instanceof ArgoResource)) {
          continue;
        }
        String kind = manifest.kind();
        if (!schema.path("definitions").has(PREFIX + kind)) {
          continue;
        }
        perKind.merge(kind, 1, Integer::sum);
        JsonNode written = json.readTree(writer.toJson(manifest));
        for (Error e : schemaFor(schema, kind).validate(written)) {
          failures.add(UpstreamCorpus.name(file) + " (" + kind + "): " + e);
        }
      }
    }
    System.out.println("schema-validated written documents per kind: " + perKind);
    assertThat(perKind.values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(200);
    assertThat(failures).isEmpty();
  }

  /** The whole schema document with its root pointing at one kind's definition. */
  private Schema schemaFor(JsonNode schema, String kind) {
    return schemas.computeIfAbsent(
        kind,
        k -> {
          ObjectNode root = schema.deepCopy();
          root.remove("$id");
          root.remove("oneOf");
          root.remove("type");
          root.put("$ref", "#/definitions/" + PREFIX + k);
          ObjectNode intOrString = json.createObjectNode();
          intOrString.putArray("type").add("integer").add("string");
          ((ObjectNode) root.get("definitions"))
              .set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", intOrString);
          return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(root.toString());
        });
  }
}
