package io.argo4j.model.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one configuration of Jackson that reads and writes the model. */
public final class Mappers {
  private static final ObjectMapper SHARED = create();

  private Mappers() {}

  /** A new mapper: absent values are omitted, empty records are written as {@code {}}. */
  public static ObjectMapper create() {
    return JsonMapper.builder()
        .addModule(new ModelModule())
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /** A shared mapper for internal use; never reconfigured after creation. */
  public static ObjectMapper shared() {
    return SHARED;
  }
}
