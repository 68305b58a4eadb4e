package io.argo4j.model.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.io.IOException;

/**
 * fabric8's PersistentVolumeClaim fills in apiVersion and kind by itself; inside a workflow's
 * {@code volumeClaimTemplates} they are usually absent, and writing them would change the manifest.
 * This keeps them absent when the input had none.
 */
final class PvcDeserializer extends DelegatingDeserializer {
  private static final long serialVersionUID = 1L;

  PvcDeserializer(JsonDeserializer<?> delegate) {
    super(delegate);
  }

  @Override
  protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
    return new PvcDeserializer(newDelegatee);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(p);
    try (JsonParser treeParser = tree.traverse(p.getCodec())) {
      treeParser.nextToken();
      Object value = _delegatee.deserialize(treeParser, ctxt);
      if (value instanceof PersistentVolumeClaim pvc) {
        if (!tree.has("apiVersion")) {
          pvc.setApiVersion(null);
        }
        if (!tree.has("kind")) {
          pvc.setKind(null);
        }
      }
      return value;
    }
  }
}
