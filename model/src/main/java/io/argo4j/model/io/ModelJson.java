package io.argo4j.model.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.internal.json.Mappers;

/**
 * Jackson set up for the model, for modules that store or send model values as JSON (the store, the
 * server). Manifests from users should go through {@link ManifestReader}, which checks them.
 */
public final class ModelJson {
  private ModelJson() {}

  /** A new, independently configurable mapper that reads and writes model values. */
  public static ObjectMapper newObjectMapper() {
    return Mappers.create();
  }
}
