package io.argo4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A manifest of a kind outside Argo's API group (a ConfigMap, a PersistentVolumeClaim, ...), kept
 * as read so that callers can report it as skipped or pass it on unchanged.
 *
 * @param raw the whole object as read; {@link #raw()} returns a copy
 */
public record OtherResource(String apiVersion, String kind, ObjectMeta metadata, JsonNode raw)
    implements Manifest {
  /** Keeps a private copy of the raw object. */
  public OtherResource {
    raw = raw == null ? null : raw.deepCopy();
  }

  /** A copy of the whole object as read. */
  @Override
  public JsonNode raw() {
    return raw == null ? null : raw.deepCopy();
  }
}
